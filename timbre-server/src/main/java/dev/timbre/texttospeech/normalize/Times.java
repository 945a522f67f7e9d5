package dev.timbre.texttospeech.normalize;

import static dev.timbre.texttospeech.normalize.Chars.digit;
import static dev.timbre.texttospeech.normalize.Chars.digitsEnd;
import static dev.timbre.texttospeech.normalize.Chars.is;
import static dev.timbre.texttospeech.normalize.Chars.value;
import static dev.timbre.texttospeech.normalize.Chars.wordAt;

/**
 * Clock times: "3:30 pm" → "three thirty p m", "3:05" → "three oh five", "9:00" → "nine o'clock", "3 p.m." → "three
 * p m", "17:00" → "seventeen hundred", "14:45:10" → "fourteen forty-five and ten seconds". Hours 0–24, minutes and
 * seconds 0–59.
 */
final class Times {
    private static final String[] MERIDIEMS = {"a.m.", "p.m.", "am", "pm", "AM", "PM", "A.M.", "P.M."};

    private Times() {
    }

    /** A clock time starting at the digit {@code i}, or {@code null}. */
    static Match at(String t, int i) {
        int h = digitsEnd(t, i);
        if (h - i > 2 || !is(t, h, ':') || digitsEnd(t, h + 1) != h + 3) return null;
        int hour = (int) value(t, i, h);
        int minute = (int) value(t, h + 1, h + 3);
        int end = h + 3;
        int second = -1;
        if (is(t, end, ':') && digitsEnd(t, end + 1) == end + 3) {
            second = (int) value(t, end + 1, end + 3);
            end += 3;
        }
        if (hour > 24 || minute > 59 || second > 59 || digit(t, end) || Chars.letter(t, end) && meridiem(t, end) == null) {
            return null;
        }
        Match meridiem = meridiem(t, end);
        StringBuilder spoken = new StringBuilder(NumberWords.cardinal(hour));
        if (minute > 0) spoken.append(minute < 10 ? " oh " : " ").append(NumberWords.cardinal(minute));
        else if (meridiem == null && second < 0) spoken.append(hour > 12 ? " hundred" : " o'clock");
        if (second >= 0) spoken.append(" and ").append(NumberWords.cardinal(second)).append(second == 1 ? " second" : " seconds");
        if (meridiem == null) return new Match(end, spoken.toString());
        return new Match(meridiem.end(), spoken + " " + meridiem.spoken());
    }

    /**
     * "am", "p.m.", "PM"… at {@code i}, one space allowed before it: spoken "a m" or "p m", plus a period when the
     * written dots also ended the sentence. {@code null} if none.
     */
    static Match meridiem(String t, int i) {
        int j = is(t, i, ' ') ? i + 1 : i;
        for (String m : MERIDIEMS) {
            boolean dotted = m.endsWith(".");
            if (dotted ? t.startsWith(m, j) : wordAt(t, j, m, false)) {
                int end = j + m.length();
                String spoken = Character.toLowerCase(m.charAt(0)) + " m";
                return new Match(end, dotted && Chars.sentenceEndsAt(t, end) ? spoken + "." : spoken);
            }
        }
        return null;
    }
}
