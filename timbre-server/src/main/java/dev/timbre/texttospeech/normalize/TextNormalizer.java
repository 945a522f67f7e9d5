package dev.timbre.texttospeech.normalize;

/**
 * Rewrites English text into words a speech engine reads correctly: numbers, money, dates, times, percentages, units,
 * phone numbers, abbreviations, "&", e-mail addresses. Everything else is copied unchanged, whitespace included.
 *
 * <p>One left-to-right pass. At a word start (a character not preceded by a letter or digit) the rules are tried in
 * order: e-mail address, named date, abbreviation, then numeric expressions; at any position, single symbols. The first
 * match is replaced and the scan resumes after it. Rules look at a bounded window around a number or word, so the
 * pass is linear in the input (plus the output). Digits glued to letters ("mp3", "COVID19") are left alone.
 * Stateless and thread-safe.
 */
public final class TextNormalizer {
    private TextNormalizer() {
    }

    /**
     * Normalises {@code text} unless {@code mode} is {@link Mode#OFF}, which returns the text unchanged with the
     * identity map.
     *
     * @param text any text, possibly empty; {@code null} is rejected
     */
    public static NormalizedText normalize(String text, Mode mode) {
        if (text == null) throw new NullPointerException("text");
        if (!mode.normalizes()) return NormalizedText.identity(text);
        SpokenBuilder out = new SpokenBuilder(text.length() + text.length() / 4 + 16);
        int i = 0;
        while (i < text.length()) {
            Match m = wordStart(text, i) ? atWordStart(text, i) : null;
            if (m == null) m = Symbols.at(text, i);
            if (m != null && m.end() > i) {
                out.replace(i, m.end(), m.spoken());
                i = m.end();
            } else {
                out.copy(text.charAt(i), i);
                i++;
            }
        }
        return new NormalizedText(text, out.text(), out.originalIndex());
    }

    private static boolean wordStart(String t, int i) {
        return !Chars.wordChar(t, i - 1);
    }

    private static Match atWordStart(String t, int i) {
        char c = t.charAt(i);
        if (Character.isLetterOrDigit(c)) {
            Match m = Symbols.email(t, i);
            if (m == null && Character.isUpperCase(c)) m = Dates.named(t, i);
            if (m == null && Character.isLetter(c)) m = Abbreviations.at(t, i);
            if (m != null || Character.isLetter(c)) return m;
        } else if ((c == '-' || c == '−') && i > 0 && !Character.isWhitespace(t.charAt(i - 1)) && t.charAt(i - 1) != '(') {
            return null;
        }
        return Numbers.at(t, i);
    }
}
