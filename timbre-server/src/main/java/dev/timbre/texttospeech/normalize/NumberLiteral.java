package dev.timbre.texttospeech.normalize;

import static dev.timbre.texttospeech.normalize.Chars.digit;
import static dev.timbre.texttospeech.normalize.Chars.digitsEnd;
import static dev.timbre.texttospeech.normalize.Chars.is;

/**
 * A written number: digits with optional thousands commas ("1,234,567") and an optional decimal part ("3.14").
 * {@code integer} holds the digits without commas, {@code fraction} the digits after the point or {@code null}.
 */
record NumberLiteral(int start, int end, String integer, String fraction, boolean grouped) {
    /** Longest digit string read as a cardinal; longer ones (ids, card numbers) are read digit by digit. */
    private static final int MAX_CARDINAL_DIGITS = 15;
    /** Longest ungrouped digit string read as a cardinal: "1000000" yes, "5551234567" is read digit by digit. */
    private static final int MAX_UNGROUPED_DIGITS = 9;

    /** Reads the literal starting at {@code i}, which must be a digit. Linear in the literal's length. */
    static NumberLiteral parse(String t, int i) {
        int j = digitsEnd(t, i);
        StringBuilder integer = new StringBuilder(t.substring(i, j));
        boolean grouped = false;
        if (j - i <= 3) {
            while (is(t, j, ',') && digitsEnd(t, j + 1) == j + 4) {
                integer.append(t, j + 1, j + 4);
                j += 4;
                grouped = true;
            }
        }
        String fraction = null;
        if (is(t, j, '.') && digit(t, j + 1)) {
            int k = digitsEnd(t, j + 1);
            fraction = t.substring(j + 1, k);
            j = k;
        }
        return new NumberLiteral(i, j, integer.toString(), fraction, grouped);
    }

    /** Whether the integer part is read as a cardinal (else digit by digit). */
    boolean cardinal() {
        if (integer.length() > 1 && integer.charAt(0) == '0' && !grouped) return false;
        return integer.length() <= (grouped ? MAX_CARDINAL_DIGITS : MAX_UNGROUPED_DIGITS);
    }

    /** The integer value; only meaningful when {@link #cardinal()}. */
    long value() {
        return Chars.value(integer, 0, integer.length());
    }

    boolean whole() {
        return fraction == null;
    }

    /** Exactly one, so units and currencies take the singular. */
    boolean isOne() {
        return whole() && cardinal() && value() == 1;
    }

    /** "three point one four", "one thousand two hundred thirty-four", or digit by digit for long runs. */
    String words() {
        String head = cardinal() ? NumberWords.cardinal(value()) : NumberWords.digits(integer);
        return fraction == null ? head : head + " point " + NumberWords.digits(fraction);
    }
}
