package dev.timbre.convai.knowledgebase.rag;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One document's keyword index for Okapi BM25 (k1 1.2, b 0.75): per word (lower-cased letters and digits, longer than
 * two characters) the chunks that hold it and how often, and each chunk's length in words. Built once when a
 * document enters the {@link VectorIndex}; immutable.
 */
record KeywordStats(Map<String, Postings> postings, int[] lengths, long totalLength) {
    static final double K1 = 1.2;
    static final double B = 0.75;

    /** The chunks (rows, ascending) holding a word and its count in each. */
    record Postings(int[] rows, int[] counts) {}

    static KeywordStats of(List<String> texts) {
        Map<String, List<int[]>> building = new LinkedHashMap<>();
        int[] lengths = new int[texts.size()];
        long total = 0;
        for (int row = 0; row < texts.size(); row++) {
            Map<String, Integer> counts = new HashMap<>();
            for (String w : words(texts.get(row))) {
                counts.merge(w, 1, Integer::sum);
                lengths[row]++;
            }
            total += lengths[row];
            for (Map.Entry<String, Integer> c : counts.entrySet()) {
                building.computeIfAbsent(c.getKey(), k -> new ArrayList<>()).add(new int[] {row, c.getValue()});
            }
        }
        Map<String, Postings> postings = new HashMap<>(building.size() * 2);
        building.forEach((w, list) -> {
            int[] rows = new int[list.size()], counts = new int[list.size()];
            for (int i = 0; i < list.size(); i++) {
                rows[i] = list.get(i)[0];
                counts[i] = list.get(i)[1];
            }
            postings.put(w, new Postings(rows, counts));
        });
        return new KeywordStats(postings, lengths, total);
    }

    /** How many chunks hold {@code word}. */
    int chunksWith(String word) {
        Postings p = postings.get(word);
        return p == null ? 0 : p.rows().length;
    }

    /** Adds each chunk's BM25 score for the query words (with their inverse document frequencies) to {@code scores}. */
    void addScores(Map<String, Double> idf, double averageLength, double[] scores) {
        for (Map.Entry<String, Double> q : idf.entrySet()) {
            Postings p = postings.get(q.getKey());
            if (p == null) continue;
            double weight = q.getValue();
            for (int i = 0; i < p.rows().length; i++) {
                int f = p.counts()[i], row = p.rows()[i];
                scores[row] += weight * f * (K1 + 1) / (f + K1 * (1 - B + B * lengths[row] / averageLength));
            }
        }
    }

    static List<String> words(String s) {
        return Arrays.stream(s.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")).filter(w -> w.length() > 2).toList();
    }
}
