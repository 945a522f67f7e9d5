package dev.timbre.voices.pvc;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * Captcha texts for PVC verification and the check of what the recogniser heard: the recording is accepted when its
 * word error rate against the text (word-level Levenshtein distance over the text's word count, case and punctuation
 * ignored) is at most {@link #MAX_WORD_ERROR_RATE}. Texts are everyday sentences of common words, so a recogniser
 * with a general vocabulary hears them. Static, thread-safe.
 */
final class Captcha {
    static final double MAX_WORD_ERROR_RATE = 0.35;
    static final List<String> TEXTS = List.of(
            "The weather today is sunny with a light breeze from the west.",
            "Please call me back when you have finished reading the report.",
            "She bought three red apples and a loaf of bread at the market.",
            "My brother drives to work every morning before the sun comes up.",
            "We walked along the river and watched the boats go by.",
            "The children played in the garden until it started to rain.",
            "I would like a cup of coffee and a glass of water please.",
            "The train to the city leaves from the station at nine o'clock.");

    private Captcha() {}

    static String next(RandomGenerator random) {
        return TEXTS.get(random.nextInt(TEXTS.size()));
    }

    /** Lower-case words without punctuation ("o'clock" stays one word). */
    static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        for (String w : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}']+")) {
            String t = w.replaceAll("^'+|'+$", "");
            if (!t.isEmpty()) out.add(t);
        }
        return out;
    }

    /** Word-level Levenshtein distance between the expected text and what was heard. */
    static int distance(String expected, String heard) {
        List<String> a = words(expected), b = words(heard);
        int[] prev = new int[b.size() + 1], cur = new int[b.size() + 1];
        for (int j = 0; j <= b.size(); j++) prev[j] = j;
        for (int i = 1; i <= a.size(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.size(); j++) {
                int sub = prev[j - 1] + (a.get(i - 1).equals(b.get(j - 1)) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.size()];
    }

    static double wordErrorRate(String expected, String heard) {
        return distance(expected, heard) / (double) Math.max(1, words(expected).size());
    }
}
