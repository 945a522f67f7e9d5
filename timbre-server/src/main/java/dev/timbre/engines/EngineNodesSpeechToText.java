package dev.timbre.engines;

import dev.timbre.audio.PcmFormat;
import dev.timbre.engine.EngineException;
import dev.timbre.engine.EngineInfo;
import dev.timbre.engine.SpeechToText;
import dev.timbre.engine.remote.OpenAiTranscriptionSpeechToText;
import java.net.URI;
import java.util.List;

/**
 * Speech to text on several engine nodes, routed by model id like {@link EngineNodes}:
 * {@code TIMBRE_STT_URL=scribe_v2*=http://gpu1:8080,*=http://gpu2:8080} (the {@code openai} provider with a list of
 * {@code pattern=url} routes; a plain comma-separated list of URLs is every node for {@code *}). A recognition for a
 * model ({@link #forModel}, called by the speech-to-text service with the request's {@code model_id}) goes to the
 * first route, in the order written, whose pattern matches (exact id, {@code prefix*}, {@code *}) and whose node is
 * healthy ({@link EngineNodeHealth}, the node's {@code /health/ready}), asking the node for that model; without a
 * model (the agent's, dubbing's recognitions) only {@code *} routes take it, with the configured model. A retryable
 * failure (unreachable, timeout, 5xx, 429) moves on to the next matching node at once, since recognition is one
 * synchronous request. When every node failed or is unhealthy the last failure is thrown (503 to the caller). No
 * local fallback: a node has one speech-to-text provider. Streaming recognition buffers and calls
 * {@link #transcribe} (the SPI's default). Thread-safe; {@link #close()} stops the health checks.
 */
public final class EngineNodesSpeechToText implements SpeechToText {
    /** One route: the model pattern, the node's root URL and its client (asking for the configured model). */
    record Route(String pattern, String base, OpenAiTranscriptionSpeechToText client) {}

    private final List<Route> routes;
    private final EngineNodeHealth health;

    EngineNodesSpeechToText(List<Route> routes, long healthMillis) {
        if (routes.isEmpty()) throw new IllegalArgumentException("TIMBRE_STT_URL names no engine node");
        this.routes = List.copyOf(routes);
        this.health = new EngineNodeHealth(routes.stream().map(Route::base).distinct().toList(), healthMillis);
    }

    /** The routes of {@code TIMBRE_STT_URL} ({@code pattern=url} or plain URLs, comma-separated), one client per node. */
    static EngineNodesSpeechToText of(String spec, java.util.function.Function<String, OpenAiTranscriptionSpeechToText> client,
                                      long healthMillis) {
        java.util.Map<String, OpenAiTranscriptionSpeechToText> clients = new java.util.LinkedHashMap<>();
        List<Route> routes = EngineNodes.parse(spec, "TIMBRE_STT_URL").stream().map(r -> {
            OpenAiTranscriptionSpeechToText c = clients.computeIfAbsent(r[1], client);
            return new Route(r[0], root(c.endpoint()), c);
        }).toList();
        return new EngineNodesSpeechToText(routes, healthMillis);
    }

    private static String root(URI endpoint) {
        return endpoint.getScheme() + "://" + endpoint.getRawAuthority();
    }

    /** {@code engine} as it recognises for {@code modelId}: routed by model when it is engine nodes, else itself. */
    public static SpeechToText forModel(SpeechToText engine, String modelId) {
        return engine instanceof EngineNodesSpeechToText nodes && modelId != null ? nodes.new ForModel(modelId) : engine;
    }

    @Override
    public EngineInfo info() {
        EngineInfo first = routes.get(0).client().info();
        return new EngineInfo(first.provider(), "engine nodes " + routes.stream().map(r -> r.pattern() + "=" + r.base()).toList()
                + " (routed by model, first healthy answers)", first.capabilities());
    }

    @Override
    public Transcript transcribe(byte[] pcm, PcmFormat format, String languageCode) {
        return transcribe(pcm, format, languageCode, null);
    }

    private Transcript transcribe(byte[] pcm, PcmFormat format, String languageCode, String model) {
        EngineException last = null;
        for (Route r : routes) {
            if (!EngineNodes.matches(r.pattern(), model) || !health.healthy(r.base())) continue;
            try {
                return r.client().withModel(model).transcribe(pcm, format, languageCode);
            } catch (EngineException e) {
                if (!e.retryable()) throw e;
                last = e;
            }
        }
        throw last != null ? last : new EngineException("no speech-to-text engine node is healthy"
                + (model == null ? "" : " for model " + model), null, true);
    }

    @Override
    public void close() {
        health.close();
        routes.stream().map(Route::client).distinct().forEach(OpenAiTranscriptionSpeechToText::close);
    }

    /** This router for one model: what {@link #forModel} hands the speech-to-text service for one request. */
    private final class ForModel implements SpeechToText {
        private final String model;

        ForModel(String model) { this.model = model; }

        @Override
        public EngineInfo info() { return EngineNodesSpeechToText.this.info(); }

        @Override
        public Transcript transcribe(byte[] pcm, PcmFormat format, String languageCode) {
            return EngineNodesSpeechToText.this.transcribe(pcm, format, languageCode, model);
        }
    }
}
