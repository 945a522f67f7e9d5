package dev.timbre.serverstatus;

import java.util.List;

/**
 * {@code GET /v1/timbre/engines}: what this server runs and whether it is well. Snake case on the wire.
 *
 * @param status           as {@code GET /health}: {@code ok}, {@code loading}, {@code engines_failed} or {@code database_unavailable}
 * @param database         whether the database answers
 * @param textToSpeech     the TTS engines: loaded ones first (the default engine first of all), then those that failed
 * @param speechToText     the STT engine, if one is configured (empty for {@code none})
 * @param voiceActivity    the detector voice conversations use
 * @param embeddings       the RAG embedding engine
 * @param languageModels   the configured LLM providers in the order they are tried, then the built-in rule model
 */
public record EnginesStatus(String status, boolean database, List<Engine> textToSpeech, List<Engine> speechToText,
                            VoiceActivity voiceActivity, Embeddings embeddings, List<LanguageModel> languageModels) {
    /**
     * One speech engine.
     *
     * @param name        the provider id, e.g. {@code marytts} (what {@code TIMBRE_TTS_ENGINE} names)
     * @param description what the engine says it is
     * @param isDefault   the configured default TTS engine, or the STT engine
     * @param state       {@code loaded}, {@code loading} or {@code failed}
     * @param healthy     loaded and usable (a TTS engine: it lists at least one voice)
     * @param voices      how many voices a TTS engine offers; null for STT or when not loaded
     * @param loadMs      how long loading took; null while loading or after a failure
     * @param error       why it failed (redacted); null otherwise
     */
    public record Engine(String name, String description, boolean isDefault, String state, boolean healthy, Integer voices,
                         Long loadMs, String error) {}

    /** @param name {@code silero} (Silero VAD v5) or {@code energy} (the fallback when the model cannot run) */
    public record VoiceActivity(String name, String description, boolean healthy) {}

    /**
     * @param modelId the configured model (what stored vectors are keyed by)
     * @param where   {@code in_process} (all-MiniLM-L6-v2) or {@code remote} (an OpenAI-compatible server)
     * @param loaded  whether it has loaded yet (it loads on first use; this endpoint never loads it)
     */
    public record Embeddings(String modelId, String where, boolean loaded) {}

    /**
     * One LLM provider.
     *
     * @param name      its configured name
     * @param kind      {@code openai} (any OpenAI-compatible server), {@code anthropic} or {@code rules} (built in, not an AI)
     * @param url       the server's base URL without user info, query or fragment; null for the built-in model
     * @param model     the pinned model id; null when the agent's {@code llm} value is sent
     * @param serves    the agent {@code llm} values it serves (globs)
     * @param builtIn   the built-in rule model (serves whatever no provider serves)
     * @param reachable whether a TCP connection to its host opened (always true for the built-in model)
     * @param latencyMs how long that connection took; null when not reachable or built in
     * @param error     why it is not reachable (redacted); null otherwise
     */
    public record LanguageModel(String name, String kind, String url, String model, List<String> serves, boolean builtIn,
                                boolean reachable, Long latencyMs, String error) {}
}
