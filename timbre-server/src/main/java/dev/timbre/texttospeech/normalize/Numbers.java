package dev.timbre.texttospeech.normalize;

import static dev.timbre.texttospeech.normalize.Chars.digit;
import static dev.timbre.texttospeech.normalize.Chars.is;
import static dev.timbre.texttospeech.normalize.Chars.wordChar;

import java.util.Locale;
import java.util.Set;

/**
 * Everything that starts with a digit, a sign or a currency sign. In order: money, dates, phone-like runs, clock
 * times, proper fractions ("3/4"), then a number with what follows it: ordinal suffix ("21st"), version ("1.2.3"), decade ("1990s", "80s"),
 * percent, unit or degrees,
 * "am"/"pm" after an hour, a year, or a plain cardinal/decimal. A leading "-" or "−" after a space is "minus".
 *
 * <p>Years: 4-digit whole numbers 1900–2099 are read as years unless a unit, percent or currency claims them;
 * 1100–1899 only after a year-ish word ("in 1850", "since 1776") or as a decade. Others are cardinals.
 */
final class Numbers {
    private static final Set<String> YEAR_CONTEXT = Set.of("in", "since", "from", "by", "until", "till", "of",
            "year", "circa", "before", "after", "during", "around", "early", "late", "mid", "summer", "winter",
            "spring", "autumn", "fall", "between", "and", "to");

    private Numbers() {
    }

    /** A numeric expression at {@code i}, or {@code null} if none starts here. */
    static Match at(String t, int i) {
        char c = t.charAt(i);
        if (c == '-' || c == '−') {
            if (!digit(t, i + 1)) return null;
            Match number = quantity(t, i + 1);
            return new Match(number.end(), "minus " + number.spoken());
        }
        if (c == '+' || c == '(') return PhoneNumbers.at(t, i);
        if (!digit(t, i)) return Money.at(t, i);
        Match m = Dates.iso(t, i);
        if (m == null) m = Dates.slashed(t, i);
        if (m == null) m = PhoneNumbers.at(t, i);
        if (m == null) m = Times.at(t, i);
        if (m == null) m = fraction(t, i);
        return m != null ? m : quantity(t, i);
    }

    /** A proper fraction with a denominator up to 16: "1/2" → "one half", "3/4" → "three quarters". */
    private static Match fraction(String t, int i) {
        int slash = Chars.digitsEnd(t, i);
        int end = Chars.digitsEnd(t, slash + 1);
        if (slash - i > 2 || !is(t, slash, '/') || end == slash + 1 || end - slash > 3) return null;
        if (wordChar(t, end) || is(t, end, '/')) return null;
        long numerator = Chars.value(t, i, slash);
        long denominator = Chars.value(t, slash + 1, end);
        if (numerator < 1 || numerator >= denominator || denominator > 16) return null;
        String one = switch ((int) denominator) {
            case 2 -> "half";
            case 4 -> "quarter";
            default -> NumberWords.ordinal(denominator);
        };
        String unit = numerator == 1 ? one : denominator == 2 ? "halves" : one + "s";
        return new Match(end, NumberWords.cardinal(numerator) + " " + unit);
    }

    /** A number at the digit {@code i} with its suffix; always matches. */
    private static Match quantity(String t, int i) {
        NumberLiteral n = NumberLiteral.parse(t, i);
        int j = n.end();
        boolean plainWhole = n.whole() && n.cardinal();
        if (plainWhole && Chars.ordinalSuffixAt(t, j)) return new Match(j + 2, NumberWords.ordinal(n.value()));
        if (!n.whole() && is(t, j, '.') && digit(t, j + 1)) return dotted(t, n);
        boolean fourDigits = plainWhole && !n.grouped() && n.integer().length() == 4;
        boolean twoDigits = plainWhole && !n.grouped() && n.integer().length() == 2 && n.value() >= 10;
        if ((fourDigits || twoDigits) && decadeAt(t, j)) {
            int end = is(t, j, '\'') ? j + 2 : j + 1;
            String decade = fourDigits ? NumberWords.year((int) n.value()) : NumberWords.cardinal(n.value());
            return new Match(end, NumberWords.plural(decade));
        }
        if (is(t, j, '%')) return new Match(j + 1, n.words() + " percent");
        Match unit = Units.at(t, j, n.isOne());
        if (unit != null) return new Match(unit.end(), n.words() + " " + unit.spoken());
        if (plainWhole && n.value() >= 1 && n.value() <= 12) {
            Match meridiem = Times.meridiem(t, j);
            if (meridiem != null) return new Match(meridiem.end(), NumberWords.cardinal(n.value()) + " " + meridiem.spoken());
        }
        if (fourDigits && year((int) n.value(), t, i)) return new Match(j, NumberWords.year((int) n.value()));
        return new Match(j, n.words());
    }

    /** A version-like "1.2.3": every dot-separated group as a cardinal, joined by "point". At most 8 groups. */
    private static Match dotted(String t, NumberLiteral n) {
        StringBuilder spoken = new StringBuilder(n.cardinal() ? NumberWords.cardinal(n.value()) : NumberWords.digits(n.integer()));
        int j = n.end() - n.fraction().length() - 1;
        for (int groups = 0; groups < 8 && is(t, j, '.') && digit(t, j + 1); groups++) {
            int end = Chars.digitsEnd(t, j + 1);
            spoken.append(" point ").append(end - j - 1 <= 9 ? NumberWords.cardinal(Chars.value(t, j + 1, end))
                    : NumberWords.digits(t.substring(j + 1, end)));
            j = end;
        }
        return new Match(j, spoken.toString());
    }

    /** "s" or "'s" right after a number ending in 0, as in "1990s" or "80s". */
    private static boolean decadeAt(String t, int j) {
        if (!Chars.digit(t, j - 1) || t.charAt(j - 1) != '0') return false;
        if (is(t, j, 's')) return !wordChar(t, j + 1);
        return is(t, j, '\'') && is(t, j + 1, 's') && !wordChar(t, j + 2);
    }

    private static boolean year(int v, String t, int i) {
        if (v >= 1900 && v <= 2099) return true;
        return v >= 1100 && v < 1900 && YEAR_CONTEXT.contains(previousWord(t, i));
    }

    /** The lower-cased word just before {@code i}, skipping spaces; "" if none. Looks back at most 16 characters. */
    private static String previousWord(String t, int i) {
        int end = i;
        while (end > 0 && i - end < 4 && t.charAt(end - 1) == ' ') end--;
        int start = end;
        while (start > 0 && end - start < 12 && Character.isLetter(t.charAt(start - 1))) start--;
        return t.substring(start, end).toLowerCase(Locale.ROOT);
    }
}
