package dev.timbre.engines;

import dev.timbre.common.Ids;
import dev.timbre.engine.AudioSink;
import dev.timbre.engine.EngineException;
import dev.timbre.engine.EngineInfo;
import dev.timbre.engine.SpeechRequest;
import dev.timbre.engine.SpeechStream;
import dev.timbre.engine.TextToSpeech;
import dev.timbre.engine.VoiceDescriptor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Text to speech on several engine nodes (Timbre nodes in the {@code engine} role, or any ElevenLabs-compatible
 * server), routed by model id: {@code TIMBRE_TTS_URL=eleven_multilingual_v2=http://gpu1:8080,eleven_flash*=http://gpu2:8080,*=http://gpu3:8080}.
 * A synthesis goes to the first route, in the order written, whose pattern matches the request's model (exact id,
 * {@code prefix*}, or {@code *}; an entry without {@code pattern=} is {@code *}) and whose node is healthy
 * ({@link EngineNodeHealth}); a node whose request fails before it starts (a retryable refusal) is passed over for
 * the next. When none is left, the first local engine loaded beside it (an explicitly named extra, e.g.
 * {@code TIMBRE_EXTRA_TTS_ENGINES=marytts}) speaks it: the voice with the same premade id when it has one (same engine
 * on both nodes), else its first voice. With no local engine the synthesis fails retryable (503).
 * Each node is an {@link dev.timbre.engine.remote.ElevenLabsTextToSpeech} client (with its forced-alignment wrapper)
 * made once ({@link EngineNodeClient}); the model id chooses the node, and the node is asked for that same model id
 * ({@code model_id}), so it speaks with its own binding of that model (a synthesis without a model asks for the
 * configured {@code TIMBRE_TTS_MODEL}). A stream already
 * running on a node that dies fails (the caller sees the engine error); the next health check takes the node out.
 * Voices and engine info: the first node's listing. No remote cloning through routes: a clone made on the API node is
 * fitted ({@code voices.VoiceFitting}) onto a node voice plus a {@code VoiceShape} kept in the API node's database, and
 * each synthesis sends that shape to the node ({@code timbre_voice_shape}, see {@code ElevenLabsTextToSpeech}), so
 * the node needs no copy of the clone. Thread-safe; {@link #close()} stops
 * the health checks and closes the clients.
 */
public final class EngineNodes implements TextToSpeech {
    /** One route: the model pattern, the node's root URL and its client. */
    record Route(String pattern, String base, TextToSpeech client) {
        boolean matches(String model) { return EngineNodes.matches(pattern, model); }
    }

    private final List<Route> routes;
    private final EngineNodeHealth health;
    private final Supplier<Map<String, TextToSpeech>> local;

    /** @param local the server's loaded TTS engines by provider (asked at fallback time only; remote ones are skipped) */
    EngineNodes(List<Route> routes, long healthMillis, Supplier<Map<String, TextToSpeech>> local) {
        if (routes.isEmpty()) throw new IllegalArgumentException("TIMBRE_TTS_URL names no engine node");
        this.routes = List.copyOf(routes);
        this.health = new EngineNodeHealth(routes.stream().map(Route::base).distinct().toList(), healthMillis);
        this.local = local;
    }

    /** Whether {@code pattern} (an exact id, {@code prefix*} or {@code *}) takes {@code model} (null: only {@code *}). */
    static boolean matches(String pattern, String model) {
        if (pattern.equals("*")) return true;
        if (model == null) return false;
        return pattern.endsWith("*") ? model.startsWith(pattern.substring(0, pattern.length() - 1)) : pattern.equals(model);
    }

    /** Whether a configured URL is a list of routes ({@code pattern=url}, comma-separated) rather than one server. */
    public static boolean isRouteList(String url) {
        return url != null && (url.contains("=") || url.contains(","));
    }

    /** {@code pattern=url,…} of {@code TIMBRE_TTS_URL} → {pattern, url} pairs in order; fails start-up for an empty entry. */
    static List<String[]> parse(String spec) {
        return parse(spec, "TIMBRE_TTS_URL");
    }

    /** {@link #parse(String)} of the setting {@code variable} (named in the errors). */
    static List<String[]> parse(String spec, String variable) {
        List<String[]> out = new ArrayList<>();
        for (String entry : spec.split(",")) {
            String e = entry.strip();
            if (e.isEmpty()) throw new IllegalArgumentException(variable + " has an empty entry: '" + spec + "'");
            int eq = e.indexOf('=');
            String pattern = eq < 0 ? "*" : e.substring(0, eq).strip();
            String url = (eq < 0 ? e : e.substring(eq + 1)).strip();
            while (url.endsWith("/")) url = url.substring(0, url.length() - 1);
            if (pattern.isEmpty() || url.isEmpty()) throw new IllegalArgumentException(variable + " entry must be model=url, got '" + e + "'");
            out.add(new String[] {pattern, url});
        }
        return out;
    }

    /** {@code engine} as it speaks {@code modelId}: routed by model when it is engine nodes, else itself. */
    public static TextToSpeech forModel(TextToSpeech engine, String modelId) {
        return engine instanceof EngineNodes nodes ? nodes.new ForModel(modelId) : engine;
    }

    @Override
    public EngineInfo info() { return routes.get(0).client().info(); }

    @Override
    public List<VoiceDescriptor> voices() {
        for (Route r : routes) {
            List<VoiceDescriptor> v = r.client().voices();
            if (!v.isEmpty()) return v;
        }
        return List.of();
    }

    /** Without a model: the routes whose pattern is {@code *}. */
    @Override
    public SpeechStream openStream(SpeechRequest request, AudioSink out) {
        return open(request, out, null);
    }

    private SpeechStream open(SpeechRequest request, AudioSink out, String model) {
        EngineException last = null;
        for (Route r : routes) {
            if (!r.matches(model) || !health.healthy(r.base())) continue;
            try {
                return r.client() instanceof EngineNodeClient node ? node.openStream(request, out, model) : r.client().openStream(request, out);
            } catch (EngineException e) {
                if (!e.retryable()) throw e;
                last = e;
            }
        }
        for (Map.Entry<String, TextToSpeech> e : local.get().entrySet()) {
            if (e.getValue() == this || RemoteSpeechProviders.PROVIDERS.contains(e.getKey())) continue;
            String voice = localVoice(e.getKey(), e.getValue(), request.voiceId());
            if (voice == null) continue;
            return e.getValue().openStream(new SpeechRequest(request.text(), voice, request.languageCode(), request.tuning(),
                    request.seed(), request.shape()), out);
        }
        throw new EngineException("no engine node is available" + (model == null ? "" : " for model " + model)
                + " and no local engine is loaded", last, true);
    }

    /** The local voice for a node's voice id: the same premade id or engine id, else the engine's first voice. */
    private static String localVoice(String provider, TextToSpeech engine, String voiceId) {
        List<VoiceDescriptor> voices = engine.voices();
        for (VoiceDescriptor v : voices) {
            if (v.id().equals(voiceId) || Ids.stable(provider + ":" + v.id()).equals(voiceId)) return v.id();
        }
        return voices.isEmpty() ? null : voices.get(0).id();
    }

    @Override
    public void close() {
        health.close();
        routes.stream().map(Route::client).distinct().forEach(TextToSpeech::close);
    }

    /** This router for one model: what {@link #forModel} hands the speech layer for one synthesis. */
    private final class ForModel implements TextToSpeech {
        private final String model;

        ForModel(String model) { this.model = model; }

        @Override
        public EngineInfo info() { return EngineNodes.this.info(); }

        @Override
        public List<VoiceDescriptor> voices() { return EngineNodes.this.voices(); }

        @Override
        public SpeechStream openStream(SpeechRequest request, AudioSink out) { return open(request, out, model); }
    }
}
