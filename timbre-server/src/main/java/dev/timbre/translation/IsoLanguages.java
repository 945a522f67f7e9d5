package dev.timbre.translation;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** ISO 639-2/3 three-letter codes ({@code eng}, {@code spa}, {@code glg}) → ISO 639-1, from the JDK's own list. */
final class IsoLanguages {
    private static final Map<String, String> TWO_LETTER = new HashMap<>();

    static {
        for (String two : Locale.getISOLanguages()) {
            try {
                TWO_LETTER.put(new Locale(two).getISO3Language(), two);
            } catch (java.util.MissingResourceException ignored) {
                // a language without a three-letter code: nothing to map
            }
        }
    }

    private IsoLanguages() {}

    /** The two-letter code of {@code threeLetter}, or {@code threeLetter} itself when it has none. */
    static String twoLetter(String threeLetter) { return TWO_LETTER.getOrDefault(threeLetter, threeLetter); }
}
