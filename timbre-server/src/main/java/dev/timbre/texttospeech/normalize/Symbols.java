package dev.timbre.texttospeech.normalize;

import static dev.timbre.texttospeech.normalize.Chars.digit;
import static dev.timbre.texttospeech.normalize.Chars.is;

/**
 * Single symbols and e-mail addresses: "&" → "and", "@" → "at", "#5" → "number five" (the number is left to the next
 * rule), "5-10" → "five to ten" (a dash between digits), "a.b@c.org" → "a dot b at c dot org".
 */
final class Symbols {
    /** Longest local part and domain looked at, so scanning stays bounded on long runs of address-like text. */
    private static final int MAX_LOCAL = 64;
    private static final int MAX_DOMAIN = 253;

    private Symbols() {
    }

    /** The symbol at {@code i} (any position), or {@code null}. */
    static Match at(String t, int i) {
        char c = t.charAt(i);
        return switch (c) {
            case '&' -> new Match(i + 1, "and");
            case '@' -> new Match(i + 1, "at");
            case '#' -> digit(t, i + 1) ? new Match(i + 1, "number") : null;
            case '-', '–' -> digit(t, i - 1) && digit(t, i + 1) ? new Match(i + 1, "to") : null;
            default -> null;
        };
    }

    /** An e-mail address starting at the word start {@code i}, or {@code null}. */
    static Match email(String t, int i) {
        int at = i;
        while (at < t.length() && at - i <= MAX_LOCAL && localChar(t.charAt(at))) at++;
        if (at == i || !is(t, at, '@')) return null;
        int end = at + 1;
        while (end < t.length() && end - at <= MAX_DOMAIN && domainChar(t.charAt(end))) end++;
        while (end > at + 1 && t.charAt(end - 1) == '.') end--;
        int lastDot = t.lastIndexOf('.', end - 1);
        if (lastDot >= end - 1 || lastDot <= at + 1 || !Character.isLetter(t.charAt(end - 1))) return null;
        return new Match(end, spell(t, i, at) + " at " + spell(t, at + 1, end));
    }

    private static String spell(String t, int from, int to) {
        StringBuilder out = new StringBuilder();
        for (int k = from; k < to; k++) {
            char c = t.charAt(k);
            String word = switch (c) {
                case '.' -> " dot ";
                case '_' -> " underscore ";
                case '-' -> " dash ";
                case '+' -> " plus ";
                default -> null;
            };
            if (word != null) out.append(word);
            else if (digit(t, k)) out.append(' ').append(NumberWords.digits(t.substring(k, k + 1))).append(' ');
            else out.append(c);
        }
        return out.toString().strip().replaceAll(" +", " ");
    }

    private static boolean localChar(char c) {
        return c < 128 && (Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-');
    }

    private static boolean domainChar(char c) {
        return c < 128 && (Character.isLetterOrDigit(c) || c == '.' || c == '-');
    }
}
