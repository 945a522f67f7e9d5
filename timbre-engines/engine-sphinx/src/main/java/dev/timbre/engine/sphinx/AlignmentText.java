package dev.timbre.engine.sphinx;

import dev.timbre.engine.RecognizedWord;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The words of a text to align: each whitespace-separated token without its surrounding punctuation (tokens that are
 * only punctuation are dropped). Words the recogniser's dictionary lacks (numbers, names, typos) are left out of the
 * grammar; {@link #complete} gives them times by spreading the gap between their aligned neighbours evenly, with a
 * NaN log probability.
 */
final class AlignmentText {
    private static final Pattern EDGE_PUNCTUATION = Pattern.compile("^[^\\p{L}\\p{N}]+|[^\\p{L}\\p{N}]+$");
    private static final Pattern GRAMMAR_TOKEN = Pattern.compile("[a-z0-9'._-]+");

    final List<String> words = new ArrayList<>();
    /** Dictionary form of each word, or null when the dictionary lacks it. */
    final List<String> keys = new ArrayList<>();

    AlignmentText(String text, Predicate<String> inDictionary) {
        for (String token : text.trim().split("\\s+")) {
            String word = EDGE_PUNCTUATION.matcher(token).replaceAll("");
            if (word.isEmpty()) continue;
            String key = word.toLowerCase(Locale.ROOT).replace('’', '\'');
            words.add(word);
            keys.add(GRAMMAR_TOKEN.matcher(key).matches() && inDictionary.test(key) ? key : null);
        }
    }

    boolean anyKnown() { return keys.stream().anyMatch(k -> k != null); }

    /** A JSGF grammar of exactly the known words in order; the decoder adds optional silences and fillers between them. */
    String jsgf() {
        StringBuilder rule = new StringBuilder();
        for (String k : keys) if (k != null) rule.append(' ').append(k);
        return "#JSGF V1.0;\ngrammar timbre;\npublic <utterance> =" + rule + ";\n";
    }

    /**
     * Every word of the text with a time: {@code decoded} are the grammar words the decoder found, in order (a prefix
     * of the grammar when it stopped early); the others are interpolated within {@code [0, seconds]}.
     */
    List<RecognizedWord> complete(List<RecognizedWord> decoded, double seconds) {
        int n = words.size();
        RecognizedWord[] out = new RecognizedWord[n];
        int d = 0;
        for (int i = 0; i < n && d < decoded.size(); i++) {
            if (keys.get(i) == null) continue;
            RecognizedWord w = decoded.get(d++);
            out[i] = new RecognizedWord(words.get(i), w.start(), w.end(), w.logprob());
        }
        int i = 0;
        while (i < n) {
            if (out[i] != null) { i++; continue; }
            int j = i;
            while (j < n && out[j] == null) j++;
            double from = i == 0 ? 0 : out[i - 1].end();
            double to = j == n ? seconds : out[j].start();
            if (to < from) to = from;
            double step = (to - from) / (j - i);
            for (int k = i; k < j; k++) {
                out[k] = new RecognizedWord(words.get(k), from + (k - i) * step, from + (k - i + 1) * step, Double.NaN);
            }
            i = j;
        }
        return List.of(out);
    }
}
