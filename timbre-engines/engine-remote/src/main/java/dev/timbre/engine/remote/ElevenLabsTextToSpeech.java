package dev.timbre.engine.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.timbre.engine.AudioSink;
import dev.timbre.engine.EngineException;
import dev.timbre.engine.EngineInfo;
import dev.timbre.engine.HttpTransport;
import dev.timbre.engine.SpeechRequest;
import dev.timbre.engine.SpeechStream;
import dev.timbre.engine.TextToSpeech;
import dev.timbre.engine.VoiceCloning;
import dev.timbre.engine.VoiceDescriptor;
import dev.timbre.engine.VoiceShape;
import dev.timbre.engine.VoiceTuning;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Text to speech on another ElevenLabs-compatible server (a second Timbre, or ElevenLabs itself): each synthesis is
 * {@code POST /v1/text-to-speech/{voice_id}/stream?output_format=pcm_<rate>} with {@code xi-api-key}, {@code text},
 * {@code model_id} and the request's voice settings (the voice shape's rate folded into {@code speed}; its pitch,
 * pitch range and formant scale, when not neutral, as Timbre's {@code timbre_voice_shape}, which a Timbre engine node
 * applies and other servers ignore), its body passed on as it arrives. Voices: the server's
 * {@code GET /v2/voices} (first 100), see {@link RemoteVoiceCatalog}. No word timings (Timbre aligns the audio).
 * Cloning (unless turned off): {@code POST /v1/voices/add} (multipart {@code name}, {@code files},
 * {@code remove_background_noise}) answers the new {@code voice_id}; forgetting is {@code DELETE /v1/voices/{id}}.
 * Thread-safe; each stream runs on its own daemon thread.
 */
public final class ElevenLabsTextToSpeech implements TextToSpeech, VoiceCloning {
    public static final String PROVIDER = "elevenlabs";
    public static final String DEFAULT_MODEL = "eleven_multilingual_v2";
    /** The PCM rates ElevenLabs' {@code output_format} offers. */
    static final Set<Integer> PCM_RATES = Set.of(8000, 16000, 22050, 24000, 44100, 48000);

    private final RemoteSpeechSettings settings;
    private final String base;
    private final int rate;
    private final RemoteSpeechServer server;
    private final RemoteVoiceCatalog voices;
    private final boolean cloning;

    /** With cloning on; see {@link #ElevenLabsTextToSpeech(RemoteSpeechSettings, HttpTransport, Path, boolean)}. */
    public ElevenLabsTextToSpeech(RemoteSpeechSettings configured, HttpTransport transport, Path voiceCache) {
        this(configured, transport, voiceCache, true);
    }

    /**
     * Lists the voices now (a blocking request of at most 10 s); a server that is down is no error here.
     *
     * @param cloning whether {@link #cloning()} offers this server's voice cloning
     */
    public ElevenLabsTextToSpeech(RemoteSpeechSettings configured, HttpTransport transport, Path voiceCache, boolean cloning) {
        this.cloning = cloning;
        RemoteSpeechSettings settings = configured.withDefaultModel(DEFAULT_MODEL);
        this.settings = settings;
        this.base = base(settings.url());
        this.rate = PCM_RATES.contains(settings.sampleRate()) ? settings.sampleRate() : RemoteSpeechSettings.DEFAULT_SAMPLE_RATE;
        this.server = new RemoteSpeechServer(PROVIDER, transport, settings.timeout());
        URI list = URI.create(base + "/v2/voices?page_size=100");
        this.voices = RemoteVoiceCatalog.load(() -> parseVoices(server.json(list, headers(), RemoteSpeechSettings.LISTING_TIMEOUT)),
                settings.voices(), id -> SpeechVoiceNames.describe(id, PROVIDER), List.of(), voiceCache);
    }

    /** A view of {@code from} asking the server for {@code model}: same server, client, voices and cloning. */
    private ElevenLabsTextToSpeech(ElevenLabsTextToSpeech from, String model) {
        this.cloning = from.cloning;
        this.settings = from.settings.withModel(model);
        this.base = from.base;
        this.rate = from.rate;
        this.server = from.server;
        this.voices = from.voices;
    }

    /**
     * This client asking the server for {@code modelId} ({@code model_id} of each synthesis) instead of the configured
     * model: what an API node does when it routes a request for that model to an engine node. Cheap (nothing is
     * listed or opened); null or blank gives this client. Closing the view closes nothing.
     */
    public ElevenLabsTextToSpeech withModel(String modelId) {
        return modelId == null || modelId.isBlank() || modelId.strip().equals(settings.model()) ? this
                : new ElevenLabsTextToSpeech(this, modelId.strip());
    }

    /** The model each synthesis asks the server for. */
    public String model() { return settings.model(); }

    /** The server's root: {@code https://api.elevenlabs.io} from any of it, {@code …/}, {@code …/v1}. */
    static String base(String url) {
        String u = url.strip();
        while (u.endsWith("/")) u = u.substring(0, u.length() - 1);
        if (u.endsWith("/v1") || u.endsWith("/v2")) u = u.substring(0, u.length() - 3);
        if (!u.startsWith("http://") && !u.startsWith("https://")) {
            throw new IllegalArgumentException("text-to-speech URL must be http:// or https://, got '" + url + "'");
        }
        URI.create(u); // a malformed URL fails here, at start-up
        return u;
    }

    /** {@code GetVoicesV2ResponseModel}: each voice with its id, name, description, labels and language. */
    static List<VoiceDescriptor> parseVoices(JsonNode body) {
        List<VoiceDescriptor> out = new ArrayList<>();
        for (JsonNode v : body.path("voices")) {
            String id = v.path("voice_id").asText("");
            if (id.isBlank()) continue;
            Map<String, String> labels = new LinkedHashMap<>();
            v.path("labels").fields().forEachRemaining(e -> { if (e.getValue().isTextual()) labels.put(e.getKey(), e.getValue().asText()); });
            String language = v.at("/verified_languages/0/language").asText(labels.getOrDefault("language", "en"));
            if (language.isBlank()) language = "en";
            String description = v.path("description").isTextual() ? v.path("description").asText()
                    : "Voice '" + id + "' of the remote " + PROVIDER + " server";
            out.add(new VoiceDescriptor(id, v.path("name").asText(id), description, language, labels));
        }
        return out;
    }

    private Map<String, String> headers() {
        return settings.apiKey() == null ? Map.of() : Map.of("xi-api-key", settings.apiKey());
    }

    @Override
    public EngineInfo info() {
        return voices.info(PROVIDER, "ElevenLabs-compatible server at " + base, settings.model());
    }

    @Override
    public List<VoiceDescriptor> voices() { return voices.voices(); }

    @Override
    public Optional<VoiceCloning> cloning() { return cloning ? Optional.of(this) : Optional.empty(); }

    @Override
    public String clone(String name, List<byte[]> samples, boolean removeBackgroundNoise) {
        MultipartBody form = new MultipartBody().field("name", name == null || name.isBlank() ? "Timbre clone" : name);
        for (int i = 0; i < samples.size(); i++) {
            byte[] s = samples.get(i);
            String[] type = SampleTypes.of(s);
            form.file("files", "sample-" + (i + 1) + "." + type[1], type[0], s);
        }
        form.field("remove_background_noise", Boolean.toString(removeBackgroundNoise));
        JsonNode answer = server.json(URI.create(base + "/v1/voices/add"), "POST", form.bytes(), form.contentType(), headers(), null);
        String id = answer.path("voice_id").asText("");
        if (id.isBlank()) throw new EngineException("the " + PROVIDER + " server's clone answer has no voice_id", null, true);
        return id;
    }

    /** {@code DELETE /v1/voices/{id}}; a 404 (already gone) is no error. */
    @Override
    public void forget(String voiceId) {
        server.delete(URI.create(base + "/v1/voices/" + URLEncoder.encode(voiceId, StandardCharsets.UTF_8)), headers());
    }

    @Override
    public SpeechStream openStream(SpeechRequest request, AudioSink out) {
        if (request.text().isBlank()) throw new EngineException("there is no text to speak");
        URI uri = URI.create(base + "/v1/text-to-speech/" + URLEncoder.encode(request.voiceId(), StandardCharsets.UTF_8)
                + "/stream?output_format=pcm_" + rate);
        VoiceTuning t = request.tuning();
        ObjectNode body = RemoteSpeechServer.JSON.createObjectNode().put("text", request.text()).put("model_id", settings.model());
        if (request.languageCode() != null && !request.languageCode().isBlank()) body.put("language_code", request.languageCode());
        double speed = Math.max(0.7, Math.min(1.2, t.speed() * request.shape().rate()));
        body.putObject("voice_settings").put("stability", t.stability()).put("similarity_boost", t.similarityBoost())
                .put("style", t.style()).put("use_speaker_boost", t.useSpeakerBoost()).put("speed", speed);
        if (request.seed() != null) body.put("seed", request.seed());
        VoiceShape shape = request.shape();
        if (shape.pitchSemitones() != 0 || shape.pitchRange() != 1 || shape.formantScale() != 1) {
            // a fitted clone's or designed voice's shape, for a Timbre engine node (other servers ignore it); its rate is in speed
            body.putObject("timbre_voice_shape").put("pitch_semitones", shape.pitchSemitones()).put("pitch_range", shape.pitchRange())
                    .put("formant_scale", shape.formantScale());
        }
        return server.streamPcm("elevenlabs-tts", uri, body.toString().getBytes(StandardCharsets.UTF_8), headers(), rate,
                settings.maxAudioBytes(), out);
    }
}
