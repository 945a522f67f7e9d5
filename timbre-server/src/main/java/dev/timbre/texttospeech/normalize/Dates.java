package dev.timbre.texttospeech.normalize;

import static dev.timbre.texttospeech.normalize.Chars.digitsEnd;
import static dev.timbre.texttospeech.normalize.Chars.is;
import static dev.timbre.texttospeech.normalize.Chars.value;
import static dev.timbre.texttospeech.normalize.Chars.wordChar;

/**
 * Dates, all spoken month first: "2024-03-15", "03/15/2024", "15/03/2024" (day first when the first part exceeds 12),
 * "March 15, 2024", "Mar. 15th 2024", "March 15" → "March fifteenth, twenty twenty-four" (or without the year).
 * Month names must be capitalised ("march 5" stays a verb and a number).
 */
final class Dates {
    static final String[] MONTHS = {"January", "February", "March", "April", "May", "June", "July", "August",
        "September", "October", "November", "December"};

    private Dates() {
    }

    /** "2024-03-15" at the digit {@code i}, or {@code null}. */
    static Match iso(String t, int i) {
        if (digitsEnd(t, i) != i + 4 || !is(t, i + 4, '-') || digitsEnd(t, i + 5) != i + 7 || !is(t, i + 7, '-')
                || digitsEnd(t, i + 8) != i + 10 || wordChar(t, i + 10)) {
            return null;
        }
        return spoken(i + 10, (int) value(t, i + 5, i + 7), (int) value(t, i + 8, i + 10), (int) value(t, i, i + 4));
    }

    /** "03/15/2024" or "15/03/2024" at the digit {@code i}, or {@code null}. Two-digit years are not dates here. */
    static Match slashed(String t, int i) {
        int a = digitsEnd(t, i);
        if (a - i < 1 || a - i > 2 || !is(t, a, '/')) return null;
        int b = digitsEnd(t, a + 1);
        if (b - a - 1 < 1 || b - a - 1 > 2 || !is(t, b, '/')) return null;
        int c = digitsEnd(t, b + 1);
        if (c - b - 1 != 4 || wordChar(t, c)) return null;
        int first = (int) value(t, i, a);
        int second = (int) value(t, a + 1, b);
        int year = (int) value(t, b + 1, c);
        return first > 12 ? spoken(c, second, first, year) : spoken(c, first, second, year);
    }

    /** "March 15, 2024" / "Mar. 15th" at the letter {@code i}, or {@code null}. */
    static Match named(String t, int i) {
        for (int m = 0; m < 12; m++) {
            String name = MONTHS[m];
            int j;
            if (t.startsWith(name, i)) j = i + name.length();
            else if (t.startsWith(name.substring(0, 3), i)) j = skipAbbreviation(t, i + 3, m);
            else continue;
            if (j < 0 || wordChar(t, j) || !is(t, j, ' ')) return null;
            int d = digitsEnd(t, j + 1);
            if (d - j - 1 < 1 || d - j - 1 > 2) return null;
            int day = (int) value(t, j + 1, d);
            int end = d;
            if (Chars.ordinalSuffixAt(t, end)) end += 2;
            if (wordChar(t, end) || is(t, end, ':') || is(t, end, '.') && Chars.digit(t, end + 1)) return null;
            int y = is(t, end, ',') ? end + 1 : end;
            if (is(t, y, ' ') && digitsEnd(t, y + 1) == y + 5 && !wordChar(t, y + 5)) {
                return spoken(y + 5, m + 1, day, (int) value(t, y + 1, y + 5));
            }
            return spoken(end, m + 1, day, -1);
        }
        return null;
    }

    /** After "Sep": "t" of "Sept" and a period are optional. Returns the index past them, or -1 for no abbreviation. */
    private static int skipAbbreviation(String t, int j, int month) {
        if (month == 8 && is(t, j, 't')) j++;
        if (is(t, j, '.')) j++;
        return wordChar(t, j) ? -1 : j;
    }

    /** Month and ordinal day, then the year when {@code year >= 0}; {@code null} for impossible months or days. */
    private static Match spoken(int end, int month, int day, int year) {
        if (month < 1 || month > 12 || day < 1 || day > 31) return null;
        String date = MONTHS[month - 1] + " " + NumberWords.ordinal(day);
        return new Match(end, year < 0 ? date : date + ", " + NumberWords.year(year));
    }
}
