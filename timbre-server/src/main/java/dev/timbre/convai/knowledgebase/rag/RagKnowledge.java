package dev.timbre.convai.knowledgebase.rag;

import dev.timbre.agent.knowledge.Knowledge;
import dev.timbre.agent.transcript.RagRetrieval;
import java.util.ArrayList;
import java.util.List;

/**
 * One agent's knowledge: its {@code auto} documents under its {@code prompt.rag} settings. The best
 * {@code maxChunks} chunks of the hybrid search ({@link VectorIndex#hybridSearch}) are kept, in its order, when the
 * vectors found them within {@code maxDistance} or the keywords alone found them (their distance is reported but
 * does not exclude them), then whole chunks while their total stays within {@code maxChars} characters. Blocking
 * (embeds the query); thread-safe.
 */
record RagKnowledge(RagSearch search, List<String> documentIds, String model, double maxDistance, int maxChars, int maxChunks)
        implements Knowledge {

    @Override
    public RagRetrieval retrieve(String query) {
        long t0 = System.nanoTime();
        List<RagRetrieval.Chunk> chunks = new ArrayList<>();
        int chars = 0;
        for (VectorIndex.Hit h : search.search(query, documentIds, model, maxChunks)) {
            if (!h.byKeywords() && h.distance() > maxDistance) continue;
            if (chars + h.text().length() > maxChars) break;
            chars += h.text().length();
            chunks.add(new RagRetrieval.Chunk(h.documentId(), h.chunkId(), h.distance(), h.text()));
        }
        if (chunks.isEmpty()) return null;
        return new RagRetrieval(chunks, model, query, (System.nanoTime() - t0) / 1e9);
    }
}
