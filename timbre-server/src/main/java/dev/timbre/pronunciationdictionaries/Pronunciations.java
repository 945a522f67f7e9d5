package dev.timbre.pronunciationdictionaries;

import dev.timbre.texttospeech.normalize.NormalizedText;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The rules of the dictionaries one request names, ready to apply. A rule matches its {@code string_to_replace}
 * exactly (case-sensitive, unless the rule says {@code case_sensitive: false}) where it stands as whole words: not
 * preceded nor followed by a letter or digit when its own first or last character is one (unless
 * {@code word_boundaries: false}). At each position the first rule in order that matches wins (locator order, then,
 * within a dictionary, longer strings first, then rule order); the scan resumes after the match, so a replacement is
 * never matched again. Immutable and thread-safe.
 */
public final class Pronunciations {
    public static final Pronunciations NONE = new Pronunciations(List.of());

    private final List<PronunciationRule> rules;
    private final Map<Character, List<PronunciationRule>> byFirstChar = new HashMap<>();

    /** @param dictionaries each dictionary's rules, in the order of the request's locators */
    public static Pronunciations of(List<List<PronunciationRule>> dictionaries) {
        List<PronunciationRule> ordered = new ArrayList<>();
        for (List<PronunciationRule> d : dictionaries) {
            List<PronunciationRule> sorted = new ArrayList<>(d);
            sorted.sort(Comparator.comparingInt((PronunciationRule r) -> r.stringToReplace().length()).reversed()); // stable
            ordered.addAll(sorted);
        }
        return new Pronunciations(ordered);
    }

    private Pronunciations(List<PronunciationRule> rules) {
        this.rules = List.copyOf(rules);
        for (PronunciationRule r : this.rules) {
            char c = r.stringToReplace().charAt(0);
            byFirstChar.computeIfAbsent(c, k -> new ArrayList<>()).add(r);
            if (r.matchesCase()) continue;
            for (char other : new char[]{Character.toLowerCase(c), Character.toUpperCase(c), Character.toTitleCase(c)}) {
                if (other != c && !byFirstChar.getOrDefault(other, List.of()).contains(r)) {
                    byFirstChar.computeIfAbsent(other, k -> new ArrayList<>()).add(r);
                }
            }
        }
    }

    public boolean isEmpty() {
        return rules.isEmpty();
    }

    /**
     * Applies the alias rules to {@code text}. A phoneme rule's match is kept as written here (so no alias applies
     * inside it); {@link #applyPhonemes} speaks it later, after text normalisation.
     */
    public NormalizedText applyAliases(String text) {
        return apply(text, true, PhonemeInput.NONE);
    }

    /** Replaces the matches of phoneme rules by {@code input}'s phoneme markup; alias rules are not applied. */
    public NormalizedText applyPhonemes(String text, PhonemeInput input) {
        return apply(text, false, input);
    }

    private NormalizedText apply(String text, boolean aliases, PhonemeInput input) {
        if (rules.isEmpty()) return NormalizedText.identity(text);
        StringBuilder out = new StringBuilder(text.length() + 16);
        int[] index = new int[text.length() + 16];
        int n = 0;
        int i = 0;
        while (i < text.length()) {
            PronunciationRule rule = match(text, i);
            int end = rule == null ? i + 1 : i + rule.stringToReplace().length();
            String written = text.substring(i, end);
            String spoken = null;
            if (rule != null && rule.isAlias() && aliases) spoken = rule.alias();
            if (rule != null && !rule.isAlias() && !aliases) spoken = input.render(rule.asWritten(written));
            if (spoken == null) spoken = written;
            int span = end - i;
            for (int j = 0; j < spoken.length(); j++) {
                if (n == index.length) index = Arrays.copyOf(index, index.length * 2);
                index[n++] = spoken.length() == span ? i + j : i + (int) ((long) j * span / spoken.length());
            }
            out.append(spoken);
            i = end;
        }
        return new NormalizedText(text, out.toString(), Arrays.copyOf(index, n));
    }

    private PronunciationRule match(String text, int i) {
        List<PronunciationRule> candidates = byFirstChar.get(text.charAt(i));
        if (candidates == null) return null;
        for (PronunciationRule r : candidates) {
            String g = r.stringToReplace();
            if (!text.regionMatches(!r.matchesCase(), i, g, 0, g.length())) continue;
            int end = i + g.length();
            if (r.wholeWords()) {
                if (wordChar(g.charAt(0)) && i > 0 && wordChar(text.charAt(i - 1))) continue;
                if (wordChar(g.charAt(g.length() - 1)) && end < text.length() && wordChar(text.charAt(end))) continue;
            }
            return r;
        }
        return null;
    }

    private static boolean wordChar(char c) {
        return Character.isLetterOrDigit(c);
    }
}
