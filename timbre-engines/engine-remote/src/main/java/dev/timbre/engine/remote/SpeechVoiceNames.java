package dev.timbre.engine.remote;

import dev.timbre.engine.VoiceDescriptor;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Descriptors for voice ids that come without any (OpenAI-style servers list ids only). Kokoro's ids carry language
 * and gender ({@code af_bella}: American English, female; {@code bm_george}: British English, male); OpenAI's own
 * voices ({@code alloy}, {@code nova}…) are English. Anything else is an English voice named after its id.
 */
final class SpeechVoiceNames {
    /** Kokoro's first letter: language code, accent. */
    private static final Map<Character, String[]> KOKORO = Map.of(
            'a', new String[] {"en", "american"}, 'b', new String[] {"en", "british"},
            'e', new String[] {"es", "spanish"}, 'f', new String[] {"fr", "french"},
            'h', new String[] {"hi", "indian"}, 'i', new String[] {"it", "italian"},
            'j', new String[] {"ja", "japanese"}, 'p', new String[] {"pt", "brazilian"},
            'z', new String[] {"zh", "chinese"});

    private SpeechVoiceNames() {}

    /** A descriptor for {@code id} on {@code provider}'s server ({@code what}: e.g. "Kokoro-FastAPI at host"). */
    static VoiceDescriptor describe(String id, String provider) {
        Map<String, String> labels = new LinkedHashMap<>();
        String language = "en";
        String name = id;
        if (id.length() > 3 && id.charAt(2) == '_' && KOKORO.containsKey(id.charAt(0))
                && (id.charAt(1) == 'f' || id.charAt(1) == 'm')) {
            String[] lang = KOKORO.get(id.charAt(0));
            language = lang[0];
            labels.put("accent", lang[1]);
            labels.put("gender", id.charAt(1) == 'f' ? "female" : "male");
            name = title(id.substring(3));
        } else {
            name = title(id);
        }
        labels.put("use_case", "general");
        labels.put("language", language);
        return new VoiceDescriptor(id, name, "Voice '" + id + "' of the remote " + provider + " speech server", language, labels);
    }

    private static String title(String s) {
        String t = s.replace('_', ' ').replace('-', ' ').strip();
        return t.isEmpty() ? s : t.substring(0, 1).toUpperCase(Locale.ROOT) + t.substring(1);
    }
}
