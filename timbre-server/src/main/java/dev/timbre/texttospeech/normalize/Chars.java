package dev.timbre.texttospeech.normalize;

/** Bounds-safe character tests on the original text, shared by the rules. Out of range is "no such character". */
final class Chars {
    private Chars() {
    }

    /** ASCII digit at {@code i}. */
    static boolean digit(String t, int i) {
        return i >= 0 && i < t.length() && t.charAt(i) >= '0' && t.charAt(i) <= '9';
    }

    /** First index at or after {@code i} that is not an ASCII digit. */
    static int digitsEnd(String t, int i) {
        while (digit(t, i)) i++;
        return i;
    }

    /** Letter or digit (any script) at {@code i}. */
    static boolean wordChar(String t, int i) {
        return i >= 0 && i < t.length() && Character.isLetterOrDigit(t.charAt(i));
    }

    static boolean letter(String t, int i) {
        return i >= 0 && i < t.length() && Character.isLetter(t.charAt(i));
    }

    static boolean is(String t, int i, char c) {
        return i >= 0 && i < t.length() && t.charAt(i) == c;
    }

    /** {@code word} occurs at {@code i} (case-sensitive unless {@code ignoreCase}) and no letter or digit follows it. */
    static boolean wordAt(String t, int i, String word, boolean ignoreCase) {
        return t.regionMatches(ignoreCase, i, word, 0, word.length()) && !wordChar(t, i + word.length());
    }

    /** Parses {@code t[from, to)} of ASCII digits; at most 18 digits, so it fits a long. */
    static long value(String t, int from, int to) {
        long v = 0;
        for (int i = from; i < to; i++) v = v * 10 + (t.charAt(i) - '0');
        return v;
    }

    /**
     * Whether a sentence plausibly ends right before {@code i}: end of text, a line break, or spaces then an
     * upper-case letter. Rules that swallow a period (as in "etc.") put one back when this holds.
     */
    static boolean sentenceEndsAt(String t, int i) {
        if (i >= t.length() || t.charAt(i) == '\n' || t.charAt(i) == '\r') return true;
        if (!Character.isWhitespace(t.charAt(i))) return false;
        int j = i;
        while (j < t.length() && j < i + 8 && t.charAt(j) == ' ') j++;
        return j >= t.length() || Character.isUpperCase(t.charAt(j)) || t.charAt(j) == '\n';
    }

    /** "st", "nd", "rd" or "th" in any case at {@code i}, not followed by a letter or digit (as in "21st"). */
    static boolean ordinalSuffixAt(String t, int i) {
        if (wordChar(t, i + 2)) return false;
        for (String s : new String[] {"st", "nd", "rd", "th"}) {
            if (t.regionMatches(true, i, s, 0, 2)) return true;
        }
        return false;
    }
}
