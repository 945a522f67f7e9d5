package dev.timbre.texttospeech.normalize;

import static dev.timbre.texttospeech.normalize.Chars.digit;
import static dev.timbre.texttospeech.normalize.Chars.is;
import static dev.timbre.texttospeech.normalize.Chars.wordAt;
import static dev.timbre.texttospeech.normalize.Chars.wordChar;

/**
 * Amounts after a currency sign: "$5.50" → "five dollars and fifty cents", "$1" → "one dollar", "$0.99" → "ninety-nine
 * cents", "£3" → "three pounds", "€1.2 million" → "one point two million euros", "$1M" / "$2.5bn" / "$5k" → scaled.
 * A one- or two-digit fraction is minor units (cents, pence); a longer one is read as a decimal.
 */
final class Money {
    private record Currency(char sign, String one, String many, String minorOne, String minorMany) {
    }

    private static final Currency[] CURRENCIES = {
        new Currency('$', "dollar", "dollars", "cent", "cents"),
        new Currency('€', "euro", "euros", "cent", "cents"),
        new Currency('£', "pound", "pounds", "penny", "pence"),
        new Currency('¥', "yen", "yen", null, null),
        new Currency('₹', "rupee", "rupees", "paisa", "paise"),
    };
    private static final String[] SCALE_WORDS = {"thousand", "million", "billion", "trillion"};

    private Money() {
    }

    /** An amount starting at the currency sign {@code i}, or {@code null}. */
    static Match at(String t, int i) {
        Currency currency = currency(t.charAt(i));
        if (currency == null || !digit(t, i + 1)) return null;
        NumberLiteral n = NumberLiteral.parse(t, i + 1);
        int end = n.end();
        String scale = null;
        for (String word : SCALE_WORDS) {
            if (is(t, end, ' ') && wordAt(t, end + 1, word, true)) {
                scale = word;
                end += 1 + word.length();
                break;
            }
        }
        if (scale == null) {
            scale = suffixScale(t, end);
            if (scale != null) end += is(t, end + 1, 'n') ? 2 : 1;
        }
        if (scale == null && wordChar(t, end)) return null;
        if (scale != null) return new Match(end, n.words() + " " + scale + " " + currency.many);
        String fraction = n.fraction();
        if (fraction == null || fraction.length() > 2 || currency.minorOne == null || !n.cardinal()) {
            return new Match(end, n.words() + " " + (n.isOne() ? currency.one : currency.many));
        }
        int minor = Integer.parseInt(fraction.length() == 1 ? fraction + "0" : fraction);
        long major = n.value();
        String majorWords = NumberWords.cardinal(major) + " " + (major == 1 ? currency.one : currency.many);
        String minorWords = NumberWords.cardinal(minor) + " " + (minor == 1 ? currency.minorOne : currency.minorMany);
        if (minor == 0) return new Match(end, majorWords);
        if (major == 0) return new Match(end, minorWords);
        return new Match(end, majorWords + " and " + minorWords);
    }

    /** "k"/"K", "M"/"m", "B"/"bn", "T"/"tn" right after the number and not followed by a letter. */
    private static String suffixScale(String t, int i) {
        if (i >= t.length()) return null;
        if (is(t, i, 'b') && is(t, i + 1, 'n') && !wordChar(t, i + 2)) return "billion";
        if (is(t, i, 't') && is(t, i + 1, 'n') && !wordChar(t, i + 2)) return "trillion";
        if (wordChar(t, i + 1)) return null;
        return switch (t.charAt(i)) {
            case 'k', 'K' -> "thousand";
            case 'm', 'M' -> "million";
            case 'B' -> "billion";
            case 'T' -> "trillion";
            default -> null;
        };
    }

    private static Currency currency(char c) {
        for (Currency currency : CURRENCIES) {
            if (currency.sign == c) return currency;
        }
        return null;
    }
}
