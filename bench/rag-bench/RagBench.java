import dev.timbre.convai.knowledgebase.Chunks;
import dev.timbre.convai.knowledgebase.rag.VectorIndex;
import dev.timbre.engine.TextEmbedding;
import dev.timbre.engine.embeddings.MiniLmEmbedding;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * RAG benchmark (issue 15). Run with bench/rag-bench.sh. all-MiniLM-L6-v2 in process and the server's VectorIndex.
 * Ingestion: the 40 passages of passages.txt plus 1,000 generated distractor chunks (seeded), embedded 32 at a time
 * (chunks/s). Index: those 1,040 chunks plus random unit vectors up to 10,000 chunks in 100 documents. Retrieval: the
 * 40 questions of questions.txt, 5 rounds (the first a warm-up, not timed); time = embedding the question + searching all 100 documents (p50/p95),
 * against a brute-force reference (a plain float[][] scored and fully sorted) in the same run. Recall@5 (and @1):
 * the question's passage among the top 5 — vectors, BM25 over the 1,040 texts, and the server's hybrid search (both fused by reciprocal rank, VectorIndex.hybridSearch).
 * Second recall set (harder): the entries of jargon-entries.txt (a selection from the public-domain Jargon File
 * 4.4.7), each document "headword\n\ntext" chunked by the server's {@link Chunks}, one VectorIndex document per entry,
 * and the 50 questions of jargon-questions.txt; a hit at k is any chunk of the right entry among the top k chunks
 * (vectors, BM25 over the chunks, and the server's hybrid search), recall@5 and @1.
 * Prints a Markdown report.
 */
public class RagBench {
    static final int TOTAL = 10_000, DISTRACTORS = 1_000, DOCS = 100, ROUNDS = 5, K = 5;

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0], "bench", "rag-bench");
        List<String[]> passages = rows(dir.resolve("passages.txt"));
        List<String[]> questions = rows(dir.resolve("questions.txt"));
        long t0 = System.nanoTime();
        TextEmbedding engine = MiniLmEmbedding.load(Files.createTempDirectory("djl"));
        engine.embed(List.of("warm up"));
        double loadMs = (System.nanoTime() - t0) / 1e6;

        List<String> ids = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (String[] p : passages) { ids.add(p[0]); texts.add(p[1]); }
        Random random = new Random(15);
        for (int i = 0; i < DISTRACTORS; i++) { ids.add("d" + i); texts.add(distractor(random)); }
        int dims = engine.dimensions();
        float[][] vectors = new float[TOTAL][];
        long e0 = System.nanoTime();
        for (int from = 0; from < texts.size(); from += 32) {
            float[][] batch = engine.embed(texts.subList(from, Math.min(texts.size(), from + 32)));
            System.arraycopy(batch, 0, vectors, from, batch.length);
        }
        double ingestSecs = (System.nanoTime() - e0) / 1e9;
        for (int i = texts.size(); i < TOTAL; i++) {
            float[] v = new float[dims];
            for (int d = 0; d < dims; d++) v[d] = (float) random.nextGaussian();
            vectors[i] = TextEmbedding.normalise(v);
            ids.add("r" + i);
            texts.add(distractor(random)); // searched by keywords only (its vector is random): as costly as a real chunk
        }
        // 100 documents of 100 chunks, the real texts spread over them
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < TOTAL; i++) order.add(i);
        java.util.Collections.shuffle(order, random);
        VectorIndex index = new VectorIndex();
        List<String> docIds = new ArrayList<>();
        for (int d = 0; d < DOCS; d++) {
            int per = TOTAL / DOCS;
            float[] matrix = new float[per * dims];
            List<String> cids = new ArrayList<>(), ctexts = new ArrayList<>();
            for (int j = 0; j < per; j++) {
                int i = order.get(d * per + j);
                System.arraycopy(vectors[i], 0, matrix, j * dims, dims);
                cids.add(ids.get(i));
                ctexts.add(texts.get(i));
            }
            index.put(new VectorIndex.Document("doc" + d, cids, ctexts, matrix, dims));
            docIds.add("doc" + d);
        }

        Bm25 bm25 = new Bm25(texts.subList(0, passages.size() + DISTRACTORS));
        List<Double> total = new ArrayList<>(), embed = new ArrayList<>(), search = new ArrayList<>(), brute = new ArrayList<>();
        List<Double> hybridSearch = new ArrayList<>(), hybridTotal = new ArrayList<>();
        int hitVec = 0, hitVec1 = 0, hitBm25 = 0, hitHybrid = 0, agree = 0;
        for (int round = 0; round < ROUNDS; round++) {
            for (String[] q : questions) {
                long a = System.nanoTime();
                float[] qv = engine.embed(List.of(q[0]))[0];
                long b = System.nanoTime();
                List<VectorIndex.Hit> hits = index.search(qv, docIds, 20);
                long c = System.nanoTime();
                List<String> reference = bruteForce(vectors, ids, qv, K);
                long d = System.nanoTime();
                List<VectorIndex.Hit> served = index.hybridSearch(qv, q[0], docIds, 20);
                long e = System.nanoTime();
                if (round > 0) { // round 0 warms the search code up (and scores recall)
                    embed.add((b - a) / 1e6); search.add((c - b) / 1e6); total.add((c - a) / 1e6); brute.add((d - c) / 1e6);
                    hybridSearch.add((e - d) / 1e6); hybridTotal.add((b - a + e - d) / 1e6);
                    continue;
                }
                List<String> top = hits.stream().limit(K).map(VectorIndex.Hit::chunkId).toList();
                if (top.equals(reference)) agree++;
                if (top.contains(q[1])) hitVec++;
                if (top.get(0).equals(q[1])) hitVec1++;
                List<String> kw = bm25.top(q[0], 20).stream().map(ids::get).toList();
                if (kw.subList(0, Math.min(K, kw.size())).contains(q[1])) hitBm25++;
                if (served.stream().limit(K).anyMatch(h -> h.chunkId().equals(q[1]))) hitHybrid++;
            }
        }
        int n = questions.size();
        System.out.printf(Locale.ROOT, "all-MiniLM-L6-v2 loaded and warm in %.0f ms; %d dimensions%n%n", loadMs, dims);
        System.out.printf(Locale.ROOT, "Ingestion: %d chunks embedded in %.1f s: %.0f chunks/s (batches of 32, one thread)%n%n",
                passages.size() + DISTRACTORS, ingestSecs, (passages.size() + DISTRACTORS) / ingestSecs);
        System.out.println("| retrieval over 10,000 chunks (" + total.size() + " queries) | p50 (ms) | p95 (ms) |");
        System.out.println("|---|---|---|");
        row("embed the question", embed);
        row("VectorIndex search (exact, 100 documents)", search);
        row("total: embed + search", total);
        row("hybrid search (vectors + BM25 fused, as the server retrieves)", hybridSearch);
        row("**total as served: embed + hybrid search**", hybridTotal);
        row("reference: brute force over float[][] + full sort", brute);
        System.out.printf(Locale.ROOT, "%nTop 5 of the index = brute-force top 5 for %d of %d questions%n%n", agree, n);
        System.out.println("| recall on " + n + " questions | @5 | @1 (vectors) |");
        System.out.println("|---|---|---|");
        System.out.printf(Locale.ROOT, "| vectors (all-MiniLM-L6-v2) | %.3f | %.3f |%n", hitVec / (double) n, hitVec1 / (double) n);
        System.out.printf(Locale.ROOT, "| BM25 keywords | %.3f | |%n", hitBm25 / (double) n);
        System.out.printf(Locale.ROOT, "| hybrid (the server's VectorIndex.hybridSearch) | %.3f | |%n", hitHybrid / (double) n);
        jargon(dir, engine);
    }

    /** Recall@5 and @1 on the Jargon File set: entries chunked as the server chunks them, 50 paraphrased questions. */
    static void jargon(Path dir, TextEmbedding engine) throws Exception {
        List<String> chunkIds = new ArrayList<>(), chunkTexts = new ArrayList<>(), chunkEntry = new ArrayList<>();
        VectorIndex index = new VectorIndex();
        List<String> docIds = new ArrayList<>();
        int entries = 0, dims = engine.dimensions();
        long e0 = System.nanoTime();
        for (String line : Files.readAllLines(dir.resolve("jargon-entries.txt"))) {
            if (line.isBlank() || line.startsWith("#")) continue;
            String[] e = line.split("\\|", 3);
            entries++;
            List<String> chunks = Chunks.split(e[1] + "\n\n" + e[2]);
            List<String> ids = new ArrayList<>();
            for (int c = 0; c < chunks.size(); c++) ids.add(e[0] + "#" + c);
            float[] matrix = new float[chunks.size() * dims];
            for (int from = 0; from < chunks.size(); from += 32) {
                float[][] batch = engine.embed(chunks.subList(from, Math.min(chunks.size(), from + 32)));
                for (int j = 0; j < batch.length; j++) System.arraycopy(batch[j], 0, matrix, (from + j) * dims, dims);
            }
            index.put(new VectorIndex.Document(e[0], ids, chunks, matrix, dims));
            docIds.add(e[0]);
            chunkIds.addAll(ids);
            chunkTexts.addAll(chunks);
            for (int c = 0; c < chunks.size(); c++) chunkEntry.add(e[0]);
        }
        double ingestSecs = (System.nanoTime() - e0) / 1e9;
        Bm25 bm25 = new Bm25(chunkTexts);
        List<String[]> questions = rows(dir.resolve("jargon-questions.txt"));
        int[][] hits = new int[3][2]; // [vectors, BM25, hybrid][@5, @1]
        List<String> misses = new ArrayList<>();
        for (String[] q : questions) {
            float[] qv = engine.embed(List.of(q[0]))[0];
            List<String> vec = index.search(qv, docIds, 20).stream().map(VectorIndex.Hit::chunkId).toList();
            List<String> kw = bm25.top(q[0], 20).stream().map(chunkIds::get).toList();
            List<String> hybrid = index.hybridSearch(qv, q[0], docIds, 20).stream().map(VectorIndex.Hit::chunkId).toList();
            List<List<String>> ranked = List.of(vec, kw, hybrid);
            StringBuilder miss = new StringBuilder();
            for (int m = 0; m < 3; m++) {
                List<String> entriesRanked = ranked.get(m).stream().map(c -> c.substring(0, c.indexOf('#'))).toList();
                if (entriesRanked.subList(0, Math.min(K, entriesRanked.size())).contains(q[1])) hits[m][0]++;
                else miss.append(" ").append(new String[] {"vectors", "BM25", "hybrid"}[m]);
                if (!entriesRanked.isEmpty() && entriesRanked.get(0).equals(q[1])) hits[m][1]++;
            }
            if (!miss.isEmpty()) misses.add(q[1] + " (missed by" + miss + "): " + q[0]);
        }
        int n = questions.size();
        System.out.printf(Locale.ROOT, "%nJargon File set: %d entries, %d chunks (server's Chunks.split; embedded in %.1f s), %d questions%n%n",
                entries, chunkTexts.size(), ingestSecs, n);
        System.out.println("| recall on " + n + " Jargon File questions (" + chunkTexts.size() + " chunks) | @5 | @1 |");
        System.out.println("|---|---|---|");
        String[] names = {"vectors (all-MiniLM-L6-v2)", "BM25 keywords", "hybrid (the server's VectorIndex.hybridSearch)"};
        for (int m = 0; m < 3; m++)
            System.out.printf(Locale.ROOT, "| %s | %.3f | %.3f |%n", names[m], hits[m][0] / (double) n, hits[m][1] / (double) n);
        System.out.println();
        for (String miss : misses) System.out.println("- top-5 miss: " + miss);
    }

    static void row(String name, List<Double> ms) {
        double[] s = ms.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        System.out.printf(Locale.ROOT, "| %s | %.2f | %.2f |%n", name, s[s.length / 2], s[(int) Math.ceil(s.length * 0.95) - 1]);
    }

    static List<String> bruteForce(float[][] vectors, List<String> ids, float[] q, int k) {
        Integer[] idx = new Integer[vectors.length];
        double[] score = new double[vectors.length];
        for (int i = 0; i < vectors.length; i++) {
            idx[i] = i;
            double dot = 0;
            for (int d = 0; d < q.length; d++) dot += vectors[i][d] * q[d];
            score[i] = dot;
        }
        Arrays.sort(idx, (a, b) -> Double.compare(score[b], score[a]));
        List<String> out = new ArrayList<>();
        for (int i = 0; i < k; i++) out.add(ids.get(idx[i]));
        return out;
    }

    static final String[] ADJ = {"old", "northern", "famous", "small", "ancient", "modern", "quiet", "royal", "coastal", "busy"};
    static final String[] NOUN = {"bridge", "market", "river", "library", "garden", "observatory", "harbour", "mill", "railway", "museum",
            "school", "orchestra", "vineyard", "lighthouse", "forest", "canal", "castle", "mine", "bakery", "theatre"};
    static final String[] PLACE = {"Oldham", "Brixley", "Port Mara", "Calden", "Westfell", "Amberton", "Lowick", "Harrowgate", "Tessel", "Dunmore"};
    static final String[] VERB = {"founded", "rebuilt", "extended", "closed", "restored", "opened", "moved", "renamed", "enlarged", "sold"};
    static final String[] NAME = {"Anna Berg", "Tomas Reed", "Clara Voss", "Peter Lund", "Maya Holt", "Jonas Pike", "Ruth Stein", "Owen Marsh"};
    static final String[] CLAUSE = {"wanted it to serve the whole town", "spent most of his savings on it", "kept detailed records of the work",
            "was later elected mayor", "hired over a hundred workers", "wrote a short book about it", "had trained as an engineer"};

    static String distractor(Random r) {
        StringBuilder b = new StringBuilder();
        for (int s = 0; s < 2; s++) {
            b.append("The ").append(pick(r, ADJ)).append(' ').append(pick(r, NOUN)).append(" of ").append(pick(r, PLACE)).append(" was ")
                    .append(pick(r, VERB)).append(" in ").append(1700 + r.nextInt(320)).append(" by ").append(pick(r, NAME)).append(", who ")
                    .append(pick(r, CLAUSE)).append(". ");
        }
        return b.toString().trim();
    }

    static String pick(Random r, String[] a) { return a[r.nextInt(a.length)]; }

    static List<String[]> rows(Path p) throws Exception {
        List<String[]> out = new ArrayList<>();
        for (String line : Files.readAllLines(p)) if (!line.isBlank() && !line.startsWith("#")) out.add(line.split("\\|", 2));
        return out;
    }

    /** Okapi BM25 (k1 1.2, b 0.75) over lower-cased word tokens. */
    static final class Bm25 {
        final List<Map<String, Integer>> tf = new ArrayList<>();
        final Map<String, Integer> df = new HashMap<>();
        final double avg;

        Bm25(List<String> docs) {
            long sum = 0;
            for (String d : docs) {
                Map<String, Integer> t = new HashMap<>();
                for (String w : words(d)) t.merge(w, 1, Integer::sum);
                tf.add(t);
                for (String w : t.keySet()) df.merge(w, 1, Integer::sum);
                sum += t.values().stream().mapToInt(Integer::intValue).sum();
            }
            avg = sum / (double) docs.size();
        }

        List<Integer> top(String query, int k) {
            Set<String> q = new HashSet<>(words(query));
            double[] score = new double[tf.size()];
            Integer[] idx = new Integer[tf.size()];
            for (int i = 0; i < tf.size(); i++) {
                idx[i] = i;
                int len = tf.get(i).values().stream().mapToInt(Integer::intValue).sum();
                for (String w : q) {
                    Integer f = tf.get(i).get(w);
                    if (f == null) continue;
                    double idf = Math.log(1 + (tf.size() - df.get(w) + 0.5) / (df.get(w) + 0.5));
                    score[i] += idf * f * 2.2 / (f + 1.2 * (0.25 + 0.75 * len / avg));
                }
            }
            Arrays.sort(idx, (a, b) -> Double.compare(score[b], score[a]));
            return Arrays.asList(idx).subList(0, k);
        }

        static List<String> words(String s) {
            return Arrays.stream(s.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")).filter(w -> w.length() > 2).toList();
        }
    }
}
