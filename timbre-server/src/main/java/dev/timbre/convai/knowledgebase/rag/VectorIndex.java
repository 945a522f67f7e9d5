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
 * Thread-safe: documents are replaced whole (copy-on-write per document). Public for the benchmark
 * ({@code bench/rag-bench}).
 */
public final class VectorIndex {
    /** One document's chunks: ids, texts and vectors (row i of {@code matrix} is chunk i), immutable once built. */
    public record Document(String documentId, List<String> chunkIds, List<String> texts, float[] matrix, int dimensions) {
        public int size() {
            return chunkIds.size();
        }
    }

    /** A chunk found: its cosine distance to the query (0 identical … 2 opposite). */
    public record Hit(String documentId, String chunkId, String text, double distance) {}

    private final ConcurrentHashMap<String, Document> documents = new ConcurrentHashMap<>();

    public void put(Document d) {
        documents.put(d.documentId(), d);
    }

    public void remove(String documentId) {
        documents.remove(documentId);
    }

    public boolean contains(String documentId) {
        return documents.containsKey(documentId);
    }

    /** Chunks indexed, over all documents. */
    public int size() {
        return documents.values().stream().mapToInt(Document::size).sum();
    }

    /** Row {@code off..off+q.length} of {@code m} · {@code q}, with four running sums (lets the JIT pipeline them). */
    static float dot(float[] m, int off, float[] q) {
        float s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int i = 0, n = q.length;
        for (; i + 3 < n; i += 4) {
            s0 += m[off + i] * q[i];
            s1 += m[off + i + 1] * q[i + 1];
            s2 += m[off + i + 2] * q[i + 2];
            s3 += m[off + i + 3] * q[i + 3];
        }
        for (; i < n; i++) s0 += m[off + i] * q[i];
        return (s0 + s1) + (s2 + s3);
    }

    /** The {@code k} chunks of {@code documentIds} nearest to {@code query} (unit length), nearest first. */
    public List<Hit> search(float[] query, Collection<String> documentIds, int k) {
        if (k <= 0) return List.of();
        // a max-heap on distance of the best k so far
        PriorityQueue<Hit> best = new PriorityQueue<>(k + 1, (a, b) -> Double.compare(b.distance(), a.distance()));
        for (String id : documentIds) {
            Document d = documents.get(id);
            if (d == null || d.dimensions() != query.length) continue;
            float[] m = d.matrix();
            for (int row = 0, n = d.size(); row < n; row++) {
                double distance = 1.0 - dot(m, row * query.length, query);
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
