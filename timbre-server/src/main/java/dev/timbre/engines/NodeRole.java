package dev.timbre.engines;

import dev.timbre.config.TimbreConfig;
import dev.timbre.http.ApiServer;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * This node's role in a cluster ({@code TIMBRE_ROLE}, {@code engines.nodes.role}):
 * <ul>
 *   <li>{@code all} (default): every route, engines as configured.</li>
 *   <li>{@code api}: every route; when the main TTS engine is a remote one ({@code elevenlabs}, {@code openai}) the
 *       {@code auto} extras (espeak-ng, flite) are not loaded, and {@code auto} speech-to-text becomes the remote
 *       {@code openai} provider when {@code TIMBRE_STT_URL} is set. Engines named explicitly still load (e.g. a local
 *       fallback).</li>
 *   <li>{@code engine}: only the engine-facing routes ({@link #ENGINE_PATHS}: speech, transcription, alignment, the
 *       voice and model listings remote clients read, Timbre's status) plus the health routes ({@code /health*},
 *       {@code /metrics}); agents, the web app, phone and every other area answer 404.</li>
 * </ul>
 * VAD stays in process on every node (Silero is cheap: well under 1 ms a frame), so an engine node serves no VAD.
 * Immutable.
 */
public enum NodeRole {
    ALL, API, ENGINE;

    /** The mount paths an {@code engine} node keeps (besides the health routes mounted at {@code /}). */
    public static final List<String> ENGINE_PATHS = List.of("/v1/text-to-speech", "/v1/audio", "/v1/speech-to-text",
            "/v1/forced-alignment", "/v1/voices", "/v2/voices", "/v1/models", "/v1/timbre");

    /** The configured role; fails start-up for an unknown one. */
    public static NodeRole of(TimbreConfig config) {
        String r = config.engines().nodes().role();
        try {
            return valueOf(r.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("TIMBRE_ROLE must be all, api or engine, got '" + r + "'");
        }
    }

    /** The configuration this role runs with: for {@code api}, no optional local engines beside remote ones. */
    public TimbreConfig adjust(TimbreConfig config) {
        if (this != API) return config;
        TimbreConfig.Engines e = config.engines();
        if (RemoteSpeechProviders.PROVIDERS.contains(e.textToSpeech())) {
            e = e.withExtraTextToSpeech(e.extraTextToSpeech().stream().filter(p -> !p.equals("auto")).toList());
        }
        if (e.speechToText().equals(TimbreConfig.Engines.AUTO_SPEECH_TO_TEXT) && e.remoteSpeechToText() != null
                && e.remoteSpeechToText().url() != null) {
            e = e.withSpeechToText(dev.timbre.engine.remote.OpenAiTranscriptionSpeechToText.PROVIDER);
        }
        return config.withEngines(e);
    }

    /** The mounts this role serves: all of them, or for {@code engine} the {@link #ENGINE_PATHS} and {@code health}. */
    public List<ApiServer.Mount> mounts(List<ApiServer.Mount> all, Predicate<ApiServer.Mount> health) {
        if (this != ENGINE) return all;
        return all.stream().filter(m -> health.test(m) || ENGINE_PATHS.contains(m.path())).toList();
    }
}
