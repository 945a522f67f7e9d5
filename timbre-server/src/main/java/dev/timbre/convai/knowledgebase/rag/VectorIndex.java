package dev.timbre.convai.knowledgebase.rag;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The in-memory vector index of one embedding engine: each indexed document's chunk vectors in one flat float matrix,
 * searched exactly (a dot product per chunk; vectors are unit length, so distance = 1 − dot). Exact search over
 * 10,000 chunks of 384 dimensions takes about 1–2 ms on one core (bench/rag-bench), so no approximate index is
 * needed at knowledge-base sizes. Rebuilt from {@code rag_chunk_embeddings} by whichever node needs it.
 * Thread-safe: documents are replaced whole (copy-on-write per document).
 */
final class VectorIndex {
    /** One document's chunks: ids, texts and vectors (row i of {@code matrix} is chunk i), immutable once built. */
    record Document(String documentId, List<String> chunkIds, List<String> texts, float[] matrix, int dimensions) {
        int size() {
            return chunkIds.size();
        }
    }

    /** A chunk found: its cosine distance to the query (0 identical … 2 opposite). */
    record Hit(String documentId, String chunkId, String text, double distance) {}

    private final ConcurrentHashMap<String, Document> documents = new ConcurrentHashMap<>();

    void put(Document d) {
        documents.put(d.documentId(), d);
    }

    void remove(String documentId) {
        documents.remove(documentId);
    }

    boolean contains(String documentId) {
        return documents.containsKey(documentId);
    }

    /** Chunks indexed, over all documents. */
    int size() {
        return documents.values().stream().mapToInt(Document::size).sum();
    }

    /** The {@code k} chunks of {@code documentIds} nearest to {@code query} (unit length), nearest first. */
    List<Hit> search(float[] query, Collection<String> documentIds, int k) {
        if (k <= 0) return List.of();
        // a max-heap on distance of the best k so far
        PriorityQueue<Hit> best = new PriorityQueue<>(k + 1, (a, b) -> Double.compare(b.distance(), a.distance()));
        for (String id : documentIds) {
            Document d = documents.get(id);
            if (d == null || d.dimensions() != query.length) continue;
            float[] m = d.matrix();
            int dims = d.dimensions();
            for (int row = 0, n = d.size(); row < n; row++) {
                int off = row * dims;
                float dot = 0;
                for (int i = 0; i < dims; i++) dot += m[off + i] * query[i];
                double distance = 1.0 - dot;
                if (best.size() < k) {
                    best.add(new Hit(id, d.chunkIds().get(row), d.texts().get(row), distance));
                } else if (distance < best.peek().distance()) {
                    best.poll();
                    best.add(new Hit(id, d.chunkIds().get(row), d.texts().get(row), distance));
                }
            }
        }
        List<Hit> out = new ArrayList<>(best);
        out.sort((a, b) -> Double.compare(a.distance(), b.distance()));
        return out;
    }
}
