package dev.timbre.texttospeech.normalize;

/**
 * English words for numbers: cardinals ("one thousand two hundred thirty-four", no "and"), ordinals, years and digit
 * strings. Pure functions over values the caller has already parsed.
 */
final class NumberWords {
    private static final String[] SMALL = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight",
        "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
        "nineteen"};
    private static final String[] TENS = {"", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty",
        "ninety"};
    private static final String[] SCALES = {"", " thousand", " million", " billion", " trillion", " quadrillion",
        " quintillion"};

    private NumberWords() {
    }

    /** Cardinal words for any long; negatives start with "minus". */
    static String cardinal(long v) {
        if (v < 0) return "minus " + (v == Long.MIN_VALUE ? digits(Long.toString(v).substring(1)) : cardinal(-v));
        if (v < 1000) return belowThousand((int) v);
        StringBuilder out = new StringBuilder();
        long divisor = 1;
        int scale = 0;
        while (v / divisor >= 1000) {
            divisor *= 1000;
            scale++;
        }
        for (; scale >= 0; scale--, divisor /= 1000) {
            int group = (int) (v / divisor % 1000);
            if (group == 0) continue;
            if (out.length() > 0) out.append(' ');
            out.append(belowThousand(group)).append(SCALES[scale]);
        }
        return out.toString();
    }

    private static String belowThousand(int v) {
        if (v < 20) return SMALL[v];
        if (v < 100) return TENS[v / 10] + (v % 10 == 0 ? "" : "-" + SMALL[v % 10]);
        return SMALL[v / 100] + " hundred" + (v % 100 == 0 ? "" : " " + belowThousand(v % 100));
    }

    /** Ordinal words: 1 → "first", 21 → "twenty-first", 100 → "one hundredth". */
    static String ordinal(long v) {
        return ordinalOf(cardinal(v));
    }

    /** Turns the last word of spoken cardinal words into its ordinal. */
    static String ordinalOf(String words) {
        int cut = Math.max(words.lastIndexOf(' '), words.lastIndexOf('-')) + 1;
        String head = words.substring(0, cut);
        String last = words.substring(cut);
        String tail = switch (last) {
            case "one" -> "first";
            case "two" -> "second";
            case "three" -> "third";
            case "five" -> "fifth";
            case "eight" -> "eighth";
            case "nine" -> "ninth";
            case "twelve" -> "twelfth";
            default -> last.endsWith("y") ? last.substring(0, last.length() - 1) + "ieth" : last + "th";
        };
        return head + tail;
    }

    /**
     * A year as people say it: 1999 → "nineteen ninety-nine", 1900 → "nineteen hundred", 1905 → "nineteen oh five",
     * 2005 → "two thousand five", 2024 → "twenty twenty-four". Outside 1000..9999 it is the cardinal.
     */
    static String year(int v) {
        if (v < 1000 || v > 9999) return cardinal(v);
        int high = v / 100;
        int low = v % 100;
        if (v % 1000 == 0 || (high % 10 == 0 && low < 10)) return cardinal(v);
        if (low == 0) return cardinal(high) + " hundred";
        return cardinal(high) + (low < 10 ? " oh " : " ") + cardinal(low);
    }

    /** Plural of spoken words, as in "the 1990s": "nineteen ninety" → "nineteen nineties". */
    static String plural(String words) {
        return words.endsWith("y") ? words.substring(0, words.length() - 1) + "ies" : words + "s";
    }

    /** One word per ASCII digit of {@code s}, space separated; other characters are skipped. */
    static String digits(CharSequence s) {
        StringBuilder out = new StringBuilder(s.length() * 5);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') continue;
            if (out.length() > 0) out.append(' ');
            out.append(SMALL[c - '0']);
        }
        return out.toString();
    }
}
