package dev.timbre.engine.remote;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The languages Whisper recognises, as ISO 639-1 codes, and the names Whisper servers answer with ({@code "english"})
 * mapped back to those codes.
 */
final class WhisperLanguages {
    /** Whisper's language names by ISO 639-1 code (Whisper's own {@code jw} is {@code jv} here). */
    private static final Map<String, String> NAMES = new LinkedHashMap<>();
    /** Further names Whisper accepts or some servers answer with. */
    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("burmese", "my"), Map.entry("valencian", "ca"), Map.entry("flemish", "nl"),
            Map.entry("haitian", "ht"), Map.entry("letzeburgesch", "lb"), Map.entry("pushto", "ps"),
            Map.entry("panjabi", "pa"), Map.entry("moldavian", "ro"), Map.entry("moldovan", "ro"),
            Map.entry("sinhalese", "si"), Map.entry("castilian", "es"), Map.entry("mandarin", "zh"),
            Map.entry("cantonese", "zh"), Map.entry("jw", "jv"), Map.entry("yue", "zh"));

    static {
        String[] pairs = {
            "en", "english", "zh", "chinese", "de", "german", "es", "spanish", "ru", "russian", "ko", "korean",
            "fr", "french", "ja", "japanese", "pt", "portuguese", "tr", "turkish", "pl", "polish", "ca", "catalan",
            "nl", "dutch", "ar", "arabic", "sv", "swedish", "it", "italian", "id", "indonesian", "hi", "hindi",
            "fi", "finnish", "vi", "vietnamese", "he", "hebrew", "uk", "ukrainian", "el", "greek", "ms", "malay",
            "cs", "czech", "ro", "romanian", "da", "danish", "hu", "hungarian", "ta", "tamil", "no", "norwegian",
            "th", "thai", "ur", "urdu", "hr", "croatian", "bg", "bulgarian", "lt", "lithuanian", "la", "latin",
            "mi", "maori", "ml", "malayalam", "cy", "welsh", "sk", "slovak", "te", "telugu", "fa", "persian",
            "lv", "latvian", "bn", "bengali", "sr", "serbian", "az", "azerbaijani", "sl", "slovenian", "kn", "kannada",
            "et", "estonian", "mk", "macedonian", "br", "breton", "eu", "basque", "is", "icelandic", "hy", "armenian",
            "ne", "nepali", "mn", "mongolian", "bs", "bosnian", "kk", "kazakh", "sq", "albanian", "sw", "swahili",
            "gl", "galician", "mr", "marathi", "pa", "punjabi", "si", "sinhala", "km", "khmer", "sn", "shona",
            "yo", "yoruba", "so", "somali", "af", "afrikaans", "oc", "occitan", "ka", "georgian", "be", "belarusian",
            "tg", "tajik", "sd", "sindhi", "gu", "gujarati", "am", "amharic", "yi", "yiddish", "lo", "lao",
            "uz", "uzbek", "fo", "faroese", "ht", "haitian creole", "ps", "pashto", "tk", "turkmen", "nn", "nynorsk",
            "mt", "maltese", "sa", "sanskrit", "lb", "luxembourgish", "my", "myanmar", "bo", "tibetan", "tl", "tagalog",
            "mg", "malagasy", "as", "assamese", "tt", "tatar", "ln", "lingala", "ha", "hausa", "ba", "bashkir",
            "jv", "javanese", "su", "sundanese"};
        for (int i = 0; i < pairs.length; i += 2) NAMES.put(pairs[i], pairs[i + 1]);
    }

    private WhisperLanguages() {}

    /** Every language Whisper recognises, ISO 639-1. */
    static Set<String> codes() {
        return NAMES.keySet();
    }

    /**
     * The ISO 639-1 code of what a server reported: a code ({@code en}, {@code en-US}, {@code eng}) or a name
     * ({@code english}, {@code English}). Empty when it is neither.
     */
    static Optional<String> iso639_1(String reported) {
        if (reported == null || reported.isBlank()) return Optional.empty();
        String r = reported.trim().toLowerCase(Locale.ROOT);
        if (ALIASES.containsKey(r)) return Optional.of(ALIASES.get(r));
        int dash = Math.max(r.indexOf('-'), r.indexOf('_'));
        String head = dash > 0 ? r.substring(0, dash) : r;
        List<String> iso = List.of(Locale.getISOLanguages());
        if (head.length() == 2 && iso.contains(head)) return Optional.of(head);
        for (Map.Entry<String, String> e : NAMES.entrySet()) {
            if (e.getValue().equals(r)) return Optional.of(e.getKey());
        }
        for (String code : iso) {
            Locale l = new Locale(code);
            if (head.length() == 3) {
                try {
                    if (l.getISO3Language().equals(head)) return Optional.of(code);
                } catch (java.util.MissingResourceException ignored) {
                    // no three-letter code for this language
                }
            }
            if (l.getDisplayLanguage(Locale.ENGLISH).toLowerCase(Locale.ROOT).equals(r)) return Optional.of(code);
        }
        return Optional.empty();
    }
}
