package dev.timbre.engine;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Word error rate: word-level Levenshtein distance over the reference length, after lowercasing and dropping punctuation. */
public final class WordErrorRate {
    private WordErrorRate() {}

    public static List<String> words(String text) {
        String cleaned = text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}' ]+", " ").replaceAll("(^|\\s)'|'(\\s|$)", " ");
        return Arrays.stream(cleaned.trim().split("\\s+")).filter(w -> !w.isEmpty()).toList();
    }

    /** Edits (substitutions + insertions + deletions) turning the reference into the hypothesis. */
    public static int errors(String reference, String hypothesis) {
        List<String> ref = words(reference), hyp = words(hypothesis);
        int[] prev = new int[hyp.size() + 1], cur = new int[hyp.size() + 1];
        for (int j = 0; j <= hyp.size(); j++) prev[j] = j;
        for (int i = 1; i <= ref.size(); i++) {
            cur[0] = i;
            for (int j = 1; j <= hyp.size(); j++) {
                int sub = prev[j - 1] + (ref.get(i - 1).equals(hyp.get(j - 1)) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
            }
            int[] t = prev; prev = cur; cur = t;
        }
        return prev[hyp.size()];
    }

    public static double of(String reference, String hypothesis) {
        int n = words(reference).size();
        return n == 0 ? (words(hypothesis).isEmpty() ? 0 : 1) : errors(reference, hypothesis) / (double) n;
    }
}
