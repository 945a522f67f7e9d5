package dev.timbre.convai.knowledgebase.rag;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The in-memory vector index of one embedding engine: each indexed document's chunk vectors in one flat float matrix,
 * searched exactly (a dot product per chunk; vectors are unit length, so distance = 1 − dot). Exact search over
 * 10,000 chunks of 384 dimensions takes about 1–2 ms on one core (bench/rag-bench), so no approximate index is
 * needed at knowledge-base sizes. Rebuilt from {@code rag_chunk_embeddings} by whichever node needs it.
 * Hybrid search adds keywords: the chunks' BM25 ranking ({@link KeywordStats}) fused with the vector ranking by
 * reciprocal rank (1/(60 + rank) summed), which finds answers that hinge on a rare word the embedding blurs (recall@5
 * 0.70 → 0.74 and recall@1 0.42 → 0.60 on the Jargon File set of bench/rag-bench).
 * Thread-safe: documents are replaced whole (copy-on-write per document). Public for the benchmark
 * ({@code bench/rag-bench}).
 */
public final class VectorIndex {
    /** One document's chunks: ids, texts and vectors (row i of {@code matrix} is chunk i), immutable once built. */
    public record Document(String documentId, List<String> chunkIds, List<String> texts, float[] matrix, int dimensions,
                           KeywordStats keywords) {
        public Document(String documentId, List<String> chunkIds, List<String> texts, float[] matrix, int dimensions) {
            this(documentId, chunkIds, texts, matrix, dimensions, KeywordStats.of(texts));
        }

        public int size() {
            return chunkIds.size();
        }
    }

    /**
     * A chunk found: its cosine distance to the query (0 identical … 2 opposite); {@code byKeywords} when only the
     * keyword ranking brought it into a hybrid result.
     */
    public record Hit(String documentId, String chunkId, String text, double distance, boolean byKeywords) {
        public Hit(String documentId, String chunkId, String text, double distance) {
            this(documentId, chunkId, text, distance, false);
        }
    }

    /** Reciprocal-rank fusion's constant: a hit at rank r (0-based) scores 1 / (RRF_K + r) in each ranking. */
    static final int RRF_K = 60;

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

    /**
     * The {@code k} best chunks of {@code documentIds} for a query, vectors ({@code query}, unit length) and keywords
     * ({@code queryText}) fused by reciprocal rank over each ranking's best {@code max(k, 20)}; best first.
     */
    public List<Hit> hybridSearch(float[] query, String queryText, Collection<String> documentIds, int k) {
        if (k <= 0) return List.of();
        int depth = Math.max(k, 20);
        List<Hit> vectors = search(query, documentIds, depth);
        List<Hit> keywords = keywordSearch(query, queryText, documentIds, depth);
        Map<String, Hit> byChunk = new HashMap<>();
        Map<String, Double> score = new HashMap<>();
        for (int i = 0; i < vectors.size(); i++) {
            byChunk.put(vectors.get(i).chunkId(), vectors.get(i));
            score.merge(vectors.get(i).chunkId(), 1.0 / (RRF_K + i), Double::sum);
        }
        for (int i = 0; i < keywords.size(); i++) {
            byChunk.putIfAbsent(keywords.get(i).chunkId(), keywords.get(i));
            score.merge(keywords.get(i).chunkId(), 1.0 / (RRF_K + i), Double::sum);
        }
        return score.entrySet().stream().sorted((a, b) -> Double.compare(b.getValue(), a.getValue())).limit(k)
                .map(e -> byChunk.get(e.getKey())).toList();
    }

    /** The {@code k} chunks with the best BM25 score (above 0) for {@code queryText}, with their vector distances. */
    List<Hit> keywordSearch(float[] query, String queryText, Collection<String> documentIds, int k) {
        List<Document> docs = documentIds.stream().map(documents::get).filter(d -> d != null && d.dimensions() == query.length).toList();
        long chunks = 0, length = 0;
        for (Document d : docs) {
            chunks += d.size();
            length += d.keywords().totalLength();
        }
        if (chunks == 0) return List.of();
        Map<String, Double> idf = new HashMap<>();
        for (String w : new java.util.HashSet<>(KeywordStats.words(queryText))) {
            int n = 0;
            for (Document d : docs) n += d.keywords().chunksWith(w);
            if (n > 0) idf.put(w, Math.log(1 + (chunks - n + 0.5) / (n + 0.5)));
        }
        if (idf.isEmpty()) return List.of();
        double average = Math.max(1, length / (double) chunks);
        PriorityQueue<double[]> best = new PriorityQueue<>(k + 1, (a, b) -> Double.compare(a[0], b[0])); // {score, doc, row}
        for (int di = 0; di < docs.size(); di++) {
            double[] scores = new double[docs.get(di).size()];
            docs.get(di).keywords().addScores(idf, average, scores);
            for (int row = 0; row < scores.length; row++) {
                double s = scores[row];
                if (s <= 0) continue;
                if (best.size() < k) best.add(new double[] {s, di, row});
                else if (s > best.peek()[0]) {
                    best.poll();
                    best.add(new double[] {s, di, row});
                }
            }
        }
        List<double[]> ranked = new ArrayList<>(best);
        ranked.sort((a, b) -> Double.compare(b[0], a[0]));
        List<Hit> out = new ArrayList<>(ranked.size());
        for (double[] r : ranked) {
            Document d = docs.get((int) r[1]);
            int row = (int) r[2];
            out.add(new Hit(d.documentId(), d.chunkIds().get(row), d.texts().get(row), 1.0 - dot(d.matrix(), row * query.length, query), true));
        }
        return out;
    }
}
