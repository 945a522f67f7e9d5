package dev.timbre.texttospeech;

import dev.timbre.audio.OutputFormat;
import dev.timbre.http.ApiException;
import dev.timbre.http.Params;
import dev.timbre.voices.VoiceSettings;
import java.util.Set;
import java.util.function.Function;

/**
 * The query parameters of the stream-input sockets (AsyncAPI {@code bindings.ws.query}), checked when the socket
 * opens. Bad values throw a validation {@link ApiException} whose {@code loc} is {@code ["query", name]}.
 */
record StreamInputOptions(String modelId, String languageCode, boolean logging, OutputFormat format, int inactivityTimeoutSeconds,
                          boolean syncAlignment, boolean autoMode, String applyTextNormalization, Long seed) {
    static final int DEFAULT_INACTIVITY_SECONDS = 20, MAX_INACTIVITY_SECONDS = 180;

    /** Reads the options through {@code query} (a name to its value, or null when absent). */
    static StreamInputOptions parse(Function<String, String> query) {
        String format = value(query, "output_format");
        OutputFormat outputFormat = format == null ? OutputFormat.DEFAULT : OutputFormat.parse(format).orElseThrow(() -> {
            Params.oneOf(format, Set.copyOf(OutputFormat.API_VALUES), "query", "output_format");
            return ApiException.invalid("Unsupported output format", "enum", "query", "output_format");
        });
        String timeout = value(query, "inactivity_timeout");
        String normalization = value(query, "apply_text_normalization");
        if (normalization != null) Params.oneOf(normalization, Set.of("auto", "on", "off"), "query", "apply_text_normalization");
        String seed = value(query, "seed");
        Long seedValue = null;
        if (seed != null) {
            try {
                seedValue = Long.parseLong(seed.trim());
            } catch (NumberFormatException e) {
                throw ApiException.invalid("Input should be a valid integer, unable to parse string as an integer", "int_parsing", "query", "seed");
            }
            TextToSpeechChecks.seed(seedValue);
        }
        bool(query, "enable_ssml_parsing", false); // SSML is passed to the engine either way
        return new StreamInputOptions(value(query, "model_id"), value(query, "language_code"),
                bool(query, "enable_logging", true), outputFormat,
                timeout == null ? DEFAULT_INACTIVITY_SECONDS : Params.parseInt(timeout, 1, MAX_INACTIVITY_SECONDS, "query", "inactivity_timeout"),
                bool(query, "sync_alignment", false), bool(query, "auto_mode", false), normalization, seedValue);
    }

    /** A text-to-speech request for one generation of {@code text} with these options. */
    TextToSpeechRequest request(String text, VoiceSettings voiceSettings,
                                java.util.List<TextToSpeechRequest.PronunciationDictionaryLocator> locators) {
        return new TextToSpeechRequest(text, modelId, languageCode, voiceSettings, locators, seed, null, null, null, null, null,
                applyTextNormalization, null);
    }

    private static String value(Function<String, String> query, String name) {
        String v = query.apply(name);
        return v == null || v.isEmpty() ? null : v;
    }

    private static boolean bool(Function<String, String> query, String name, boolean dflt) {
        String v = value(query, name);
        return v == null ? dflt : Params.parseBool(v, "query", name);
    }
}
