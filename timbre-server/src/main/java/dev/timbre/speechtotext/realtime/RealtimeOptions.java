package dev.timbre.speechtotext.realtime;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.eclipse.jetty.websocket.api.StatusCode;

/**
 * The query of {@code /v1/speech-to-text/realtime} as the official SDK sends it ({@code model_id}, {@code audio_format},
 * {@code commit_strategy}, the VAD settings with the SDK's ranges, {@code language_code}, {@code include_timestamps},
 * {@code include_language_detection}, …) plus Timbre's {@code inactivity_timeout} (seconds, 1–180, default 20).
 * Accepted but without effect: {@code keyterms}, {@code no_verbatim}, {@code secondary_languages},
 * {@code entity_detection}, {@code transcript_edit}, {@code filter_background_audio}.
 */
record RealtimeOptions(String modelId, String audioFormat, int sampleRate, boolean ulaw, String commitStrategy,
                       double vadSilenceThresholdSecs, double vadThreshold, int minSpeechDurationMs, int minSilenceDurationMs,
                       String languageCode, boolean includeTimestamps, boolean includeLanguageDetection, boolean enableLogging,
                       List<String> keyterms, boolean noVerbatim, int inactivityTimeoutSeconds) {
    static final List<String> FORMATS = List.of("pcm_8000", "pcm_16000", "pcm_22050", "pcm_24000", "pcm_44100", "pcm_48000", "ulaw_8000");

    boolean vad() {
        return commitStrategy.equals("vad");
    }

    static RealtimeOptions parse(Function<String, String> query, Function<String, List<String>> all) {
        String model = query.apply("model_id");
        if (model == null || model.isBlank()) throw invalid("model_id is required");
        String format = or(query.apply("audio_format"), "pcm_16000").toLowerCase(Locale.ROOT);
        if (!FORMATS.contains(format)) throw invalid("audio_format must be one of " + String.join(", ", FORMATS) + "; got '" + format + "'");
        String strategy = or(query.apply("commit_strategy"), "manual").toLowerCase(Locale.ROOT);
        if (!strategy.equals("manual") && !strategy.equals("vad")) throw invalid("commit_strategy must be manual or vad; got '" + strategy + "'");
        String language = query.apply("language_code");
        return new RealtimeOptions(model.trim(), format, Integer.parseInt(format.substring(format.indexOf('_') + 1)), format.startsWith("ulaw"),
                strategy,
                number(query, "vad_silence_threshold_secs", 1.5, 0.3, 3.0),
                number(query, "vad_threshold", 0.4, 0.1, 0.9),
                (int) integer(query, "min_speech_duration_ms", 100, 50, 2000),
                (int) integer(query, "min_silence_duration_ms", 100, 50, 2000),
                language == null || language.isBlank() ? null : language.trim(),
                bool(query, "include_timestamps", false),
                bool(query, "include_language_detection", false),
                bool(query, "enable_logging", true),
                List.copyOf(all.apply("keyterms")),
                bool(query, "no_verbatim", false),
                (int) integer(query, "inactivity_timeout", 20, 1, 180));
    }

    private static String or(String v, String dflt) {
        return v == null || v.isBlank() ? dflt : v.trim();
    }

    private static double number(Function<String, String> query, String name, double dflt, double min, double max) {
        String v = query.apply(name);
        if (v == null || v.isBlank()) return dflt;
        double d;
        try {
            d = Double.parseDouble(v.trim());
        } catch (NumberFormatException e) {
            throw invalid(name + " must be a number; got '" + v + "'");
        }
        if (!(d >= min && d <= max)) throw invalid(name + " must be between " + min + " and " + max + "; got " + v);
        return d;
    }

    private static long integer(Function<String, String> query, String name, long dflt, long min, long max) {
        String v = query.apply(name);
        if (v == null || v.isBlank()) return dflt;
        double d = number(query, name, dflt, min, max);
        if (d != Math.rint(d)) throw invalid(name + " must be an integer; got '" + v + "'");
        return (long) d;
    }

    private static boolean bool(Function<String, String> query, String name, boolean dflt) {
        String v = query.apply(name);
        if (v == null || v.isBlank()) return dflt;
        return switch (v.trim().toLowerCase(Locale.ROOT)) {
            case "true", "1" -> true;
            case "false", "0" -> false;
            default -> throw invalid(name + " must be true or false; got '" + v + "'");
        };
    }

    static RealtimeError invalid(String error) {
        return RealtimeError.fatal("invalid_request", error, StatusCode.POLICY_VIOLATION);
    }
}
