package dev.timbre.convai.knowledgebase.rag;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One document's keyword statistics for Okapi BM25 (k1 1.2, b 0.75): per chunk the counts of its words (lower-cased
 * letters and digits, longer than two characters) and its length, and per word how many chunks hold it. Built once
 * when a document enters the {@link VectorIndex}; immutable.
 */
record KeywordStats(List<Map<String, Integer>> counts, int[] lengths, Map<String, Integer> chunksWith) {
    static final double K1 = 1.2;
    static final double B = 0.75;

    static KeywordStats of(List<String> texts) {
        List<Map<String, Integer>> counts = new ArrayList<>(texts.size());
        int[] lengths = new int[texts.size()];
        Map<String, Integer> chunksWith = new HashMap<>();
        for (int i = 0; i < texts.size(); i++) {
            Map<String, Integer> c = new HashMap<>();
            for (String w : words(texts.get(i))) {
                c.merge(w, 1, Integer::sum);
                lengths[i]++;
            }
            counts.add(c);
            for (String w : c.keySet()) chunksWith.merge(w, 1, Integer::sum);
        }
        return new KeywordStats(counts, lengths, chunksWith);
    }

    long totalLength() {
        long sum = 0;
        for (int l : lengths) sum += l;
        return sum;
    }

    /** BM25 score of chunk {@code row} for the query words with their inverse document frequencies {@code idf}. */
    double score(int row, Map<String, Double> idf, double averageLength) {
        Map<String, Integer> c = counts.get(row);
        double s = 0;
        for (Map.Entry<String, Double> q : idf.entrySet()) {
            Integer f = c.get(q.getKey());
            if (f == null) continue;
            s += q.getValue() * f * (K1 + 1) / (f + K1 * (1 - B + B * lengths[row] / averageLength));
        }
        return s;
    }

    static List<String> words(String s) {
        return Arrays.stream(s.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")).filter(w -> w.length() > 2).toList();
    }
}
