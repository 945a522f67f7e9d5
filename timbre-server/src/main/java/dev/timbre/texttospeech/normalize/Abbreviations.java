package dev.timbre.texttospeech.normalize;

import static dev.timbre.texttospeech.normalize.Chars.is;
import static dev.timbre.texttospeech.normalize.Chars.wordChar;

import java.util.List;

/**
 * Common English abbreviations, matched case-sensitively at a word start and not followed by a letter or digit.
 * Titles ("Dr.", "St.") read as title before a capitalised name and as a street type otherwise ("Main St."). Words
 * that can end a sentence ("etc.", "Inc.") keep a period when the sentence plausibly ends there.
 */
final class Abbreviations {
    /** {@code titled} is the reading before a capitalised word, {@code spoken} the one otherwise. */
    private record Abbreviation(String written, String spoken, String titled, boolean canEndSentence) {
    }

    private static final List<Abbreviation> ALL = List.of(
            new Abbreviation("Dr.", "Drive", "Doctor", true),
            new Abbreviation("St.", "Street", "Saint", true),
            new Abbreviation("Mr.", "Mister", "Mister", false),
            new Abbreviation("Mrs.", "Missus", "Missus", false),
            new Abbreviation("Ms.", "Miz", "Miz", false),
            new Abbreviation("Prof.", "Professor", "Professor", false),
            new Abbreviation("Jr.", "Junior", "Junior", true),
            new Abbreviation("Sr.", "Senior", "Senior", true),
            new Abbreviation("Mt.", "Mount", "Mount", false),
            new Abbreviation("Ave.", "Avenue", "Avenue", true),
            new Abbreviation("Rd.", "Road", "Road", true),
            new Abbreviation("Blvd.", "Boulevard", "Boulevard", true),
            new Abbreviation("Inc.", "Incorporated", "Incorporated", true),
            new Abbreviation("Ltd.", "Limited", "Limited", true),
            new Abbreviation("Corp.", "Corporation", "Corporation", true),
            new Abbreviation("Dept.", "Department", "Department", true),
            new Abbreviation("etc.", "etcetera", "etcetera", true),
            new Abbreviation("e.g.", "for example", "for example", false),
            new Abbreviation("i.e.", "that is", "that is", false),
            new Abbreviation("vs.", "versus", "versus", false),
            new Abbreviation("vs", "versus", "versus", false),
            new Abbreviation("approx.", "approximately", "approximately", true),
            new Abbreviation("approx", "approximately", "approximately", false),
            new Abbreviation("No.", "number", "number", false),
            new Abbreviation("no.", "number", "number", false),
            new Abbreviation("a.m.", "a m", "a m", true),
            new Abbreviation("p.m.", "p m", "p m", true));

    private Abbreviations() {
    }

    /** The abbreviation at the word start {@code i}, or {@code null}. */
    static Match at(String t, int i) {
        for (Abbreviation a : ALL) {
            int end = i + a.written.length();
            if (!t.startsWith(a.written, i) || wordChar(t, end)) continue;
            if (a.written.equalsIgnoreCase("No.") && !numberFollows(t, end)) continue;
            boolean beforeName = is(t, end, ' ') && Character.isUpperCase(t.charAt(Math.min(end + 1, t.length() - 1)));
            if (!a.titled.equals(a.spoken) && beforeName) return new Match(end, a.titled);
            boolean period = a.canEndSentence && a.written.endsWith(".") && Chars.sentenceEndsAt(t, end);
            return new Match(end, period ? a.spoken + "." : a.spoken);
        }
        return null;
    }

    /** "No. 5", "no.5": the abbreviation means "number" only before one. */
    private static boolean numberFollows(String t, int end) {
        return Chars.digit(t, end) || is(t, end, ' ') && Chars.digit(t, end + 1);
    }
}
