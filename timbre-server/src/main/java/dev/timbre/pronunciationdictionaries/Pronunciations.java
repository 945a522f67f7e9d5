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
    /** A rule with its precedence (lower wins). */
    private record Entry(PronunciationRule rule, int order) {}
    /** Rules by their exact string; case-insensitive rules by their lower-cased string. */
    private final Map<String, List<Entry>> exact = new HashMap<>(), anyCase = new HashMap<>();
    /** The distinct lengths of the rules' strings, longest first, and the chars a match can start with. */
    private final int[] lengths;
    private final java.util.Set<Character> firstChars = new java.util.HashSet<>();

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
        java.util.TreeSet<Integer> lengthSet = new java.util.TreeSet<>(Comparator.reverseOrder());
        for (int k = 0; k < this.rules.size(); k++) {
            PronunciationRule r = this.rules.get(k);
            String g = r.stringToReplace();
            lengthSet.add(g.length());
            char c = g.charAt(0);
            firstChars.add(c);
            if (r.matchesCase()) {
                exact.computeIfAbsent(g, x -> new ArrayList<>()).add(new Entry(r, k));
            } else {
                anyCase.computeIfAbsent(g.toLowerCase(java.util.Locale.ROOT), x -> new ArrayList<>()).add(new Entry(r, k));
                firstChars.add(Character.toLowerCase(c));
                firstChars.add(Character.toUpperCase(c));
                firstChars.add(Character.toTitleCase(c));
            }
        }
        lengths = lengthSet.stream().mapToInt(Integer::intValue).toArray();
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
            if (rule == null) { // the common case: a char copied as it is
                if (n == index.length) index = Arrays.copyOf(index, index.length * 2);
                index[n++] = i;
                out.append(text.charAt(i++));
                continue;
            }
            int end = i + rule.stringToReplace().length();
            String written = text.substring(i, end);
            String spoken = null;
            if (rule.isAlias() && aliases) spoken = rule.alias();
            if (!rule.isAlias() && !aliases) spoken = input.render(rule.asWritten(written));
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

    /** The rule of lowest order that matches at {@code i}; one hash lookup per distinct rule length. */
    private PronunciationRule match(String text, int i) {
        if (!firstChars.contains(text.charAt(i))) return null;
        Entry best = null;
        for (int len : lengths) {
            if (i + len > text.length()) continue;
            String key = text.substring(i, i + len);
            best = better(best, exact.get(key), text, i);
            if (!anyCase.isEmpty()) best = better(best, anyCase.get(key.toLowerCase(java.util.Locale.ROOT)), text, i);
        }
        return best == null ? null : best.rule();
    }

    private static Entry better(Entry best, List<Entry> candidates, String text, int i) {
        if (candidates == null) return best;
        for (Entry e : candidates) {
            if (best != null && best.order() < e.order()) break; // candidates are in order
            if (fits(e.rule(), text, i)) return e;
        }
        return best;
    }

    private static boolean fits(PronunciationRule r, String text, int i) {
        if (!r.wholeWords()) return true;
        String g = r.stringToReplace();
        int end = i + g.length();
        if (wordChar(g.charAt(0)) && i > 0 && wordChar(text.charAt(i - 1))) return false;
        return !(wordChar(g.charAt(g.length() - 1)) && end < text.length() && wordChar(text.charAt(end)));
    }

    private static boolean wordChar(char c) {
        return Character.isLetterOrDigit(c);
    }
}
