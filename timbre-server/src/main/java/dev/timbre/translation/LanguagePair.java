package dev.timbre.translation;

import java.util.Locale;
import java.util.Set;

/** A translation direction between two ISO 639-1 languages ({@code en}, {@code es}), lower case. */
public record LanguagePair(String source, String target) implements Comparable<LanguagePair> {
    /** What a provider that takes any pair lists. */
    public static final Set<LanguagePair> ANY = Set.of(new LanguagePair("*", "*"));

    public LanguagePair {
        source = primary(source);
        target = primary(target);
    }

    /**
     * The ISO 639-1 code of a language tag or code: {@code en-US} → {@code en}, {@code spa} → {@code es}; unknown
     * codes are kept as given (lower case).
     */
    public static String primary(String code) {
        if (code == null) throw new IllegalArgumentException("a language is required");
        String c = code.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        int dash = c.indexOf('-');
        if (dash > 0) c = c.substring(0, dash);
        return c.length() == 3 ? IsoLanguages.twoLetter(c) : c;
    }

    boolean within(Set<LanguagePair> pairs) { return pairs.contains(this) || pairs.equals(ANY); }

    @Override
    public int compareTo(LanguagePair o) { return toString().compareTo(o.toString()); }

    @Override
    public String toString() { return source + "-" + target; }
}
