package dev.timbre.texttospeech.normalize;

import static dev.timbre.texttospeech.normalize.Chars.digit;
import static dev.timbre.texttospeech.normalize.Chars.digitsEnd;
import static dev.timbre.texttospeech.normalize.Chars.is;
import static dev.timbre.texttospeech.normalize.Chars.wordChar;

import java.util.ArrayList;
import java.util.List;

/**
 * Phone-like digit groups, read digit by digit with a pause (comma) between groups: "555-123-4567", "(555) 123-4567",
 * "+1 555 123 4567", "1-800-555-0199", "192.168.0.1". Accepted shapes: a "+" or "(ddd)" prefix then groups separated
 * by space, "-" or "." with at least 7 digits in all; or, without a prefix, 3+ groups of 1–4 digits separated by "-"
 * or "." with at least 7 digits, or exactly "ddd-dddd". Looks at most {@link #MAX_GROUPS} groups, so it is bounded.
 */
final class PhoneNumbers {
    private static final int MAX_GROUPS = 6;

    private PhoneNumbers() {
    }

    /** A phone-like run starting at {@code i} (a digit, "+" or "("), or {@code null}. */
    static Match at(String t, int i) {
        List<String> groups = new ArrayList<>();
        String prefix = "";
        int j = i;
        boolean prefixed = false;
        if (is(t, j, '+') && digit(t, j + 1)) {
            prefix = "plus ";
            prefixed = true;
            j++;
        } else if (is(t, j, '(')) {
            if (digitsEnd(t, j + 1) != j + 4 || !is(t, j + 4, ')')) return null;
            groups.add(t.substring(j + 1, j + 4));
            prefixed = true;
            j = is(t, j + 5, ' ') && digit(t, j + 6) ? j + 6 : j + 5;
            if (!digit(t, j)) return null;
        }
        int digits = groups.isEmpty() ? 0 : 3;
        while (groups.size() < MAX_GROUPS) {
            int end = digitsEnd(t, j);
            if (end == j || end - j > 4 && !(prefixed && groups.isEmpty() && end - j <= 15)) return null;
            groups.add(t.substring(j, end));
            digits += end - j;
            j = end;
            char sep = j < t.length() ? t.charAt(j) : 0;
            boolean separator = sep == '-' || sep == '.' || sep == ' ' && prefixed;
            if (!separator || !digit(t, j + 1)) break;
            j++;
        }
        if (digit(t, j) || wordChar(t, j) || digits < 7 || !shape(groups, prefixed)) return null;
        StringBuilder spoken = new StringBuilder(prefix);
        for (int g = 0; g < groups.size(); g++) {
            if (g > 0) spoken.append(", ");
            spoken.append(NumberWords.digits(groups.get(g)));
        }
        return new Match(j, spoken.toString());
    }

    private static boolean shape(List<String> groups, boolean prefixed) {
        if (prefixed || groups.size() >= 3) return true;
        return groups.size() == 2 && groups.get(0).length() == 3 && groups.get(1).length() == 4;
    }
}
