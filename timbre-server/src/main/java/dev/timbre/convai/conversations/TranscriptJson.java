package dev.timbre.convai.conversations;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.timbre.agent.transcript.RagRetrieval;
import dev.timbre.agent.transcript.TranscriptEntry;
import dev.timbre.http.Json;
import java.util.List;

/**
 * The stored form of a transcript: the {@link TranscriptEntry} records as a snake_case JSON array. Retrieved knowledge
 * is stored without the chunks' text (ids and distances only: the text stays in the knowledge base).
 */
final class TranscriptJson {
    private static final TypeReference<List<TranscriptEntry>> ENTRIES = new TypeReference<>() {};

    private TranscriptJson() {}

    static String write(List<TranscriptEntry> transcript) {
        return Json.write(transcript.stream().map(TranscriptJson::withoutChunkText).toList());
    }

    private static TranscriptEntry withoutChunkText(TranscriptEntry e) {
        RagRetrieval rag = e.ragRetrieval();
        if (rag == null) return e;
        return e.withRagRetrieval(new RagRetrieval(rag.chunks().stream()
                .map(c -> new RagRetrieval.Chunk(c.documentId(), c.chunkId(), c.vectorDistance(), null)).toList(),
                rag.embeddingModel(), rag.retrievalQuery(), rag.ragLatencySecs()));
    }

    static List<TranscriptEntry> read(String json) {
        try {
            return Json.MAPPER.readValue(json, ENTRIES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored transcript JSON is malformed", e);
        }
    }
}
