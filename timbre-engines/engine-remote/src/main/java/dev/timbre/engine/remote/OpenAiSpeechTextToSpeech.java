package dev.timbre.engine.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.timbre.engine.AudioSink;
import dev.timbre.engine.EngineException;
import dev.timbre.engine.EngineInfo;
import dev.timbre.engine.HttpTransport;
import dev.timbre.engine.ServiceEndpoint;
import dev.timbre.engine.SpeechRequest;
import dev.timbre.engine.SpeechStream;
import dev.timbre.engine.TextToSpeech;
import dev.timbre.engine.VoiceCloning;
import dev.timbre.engine.VoiceDescriptor;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Text to speech on a server that speaks OpenAI's {@code POST /v1/audio/speech} (Kokoro-FastAPI, Speaches, LocalAI,
 * openedai-speech, vLLM, OpenAI). Each synthesis is one request ({@code model}, {@code input}, {@code voice},
 * {@code response_format=pcm}, {@code speed} when not 1) whose body is passed on as it arrives: raw PCM at
 * {@link RemoteSpeechSettings#sampleRate()} (OpenAI's pcm: 24 kHz) or a WAV, whichever the server sends. Voices: the
 * server's {@code GET /v1/audio/voices} where it has one (Kokoro-FastAPI, Speaches), see {@link RemoteVoiceCatalog}.
 * No word timings (Timbre aligns the audio). Cloning only where a clone path is configured, in the Chatterbox-TTS-API
 * style: {@code POST {url}/v1{clonePath}} (multipart {@code voice_name}, {@code voice_file}: the longest sample) makes
 * a voice of that name, spoken as {@code voice}; {@code DELETE {url}/v1{clonePath}/{name}} removes it.
 * Thread-safe; each stream runs on its own daemon thread.
 */
public final class OpenAiSpeechTextToSpeech implements TextToSpeech, VoiceCloning {
    public static final String PROVIDER = "openai";
    public static final String DEFAULT_MODEL = "tts-1";
    static final List<String> OPENAI_VOICES = List.of("alloy", "ash", "ballad", "coral", "echo", "fable", "nova", "onyx",
            "sage", "shimmer");

    private final RemoteSpeechSettings settings;
    private final URI speech;
    private final RemoteSpeechServer server;
    private final RemoteVoiceCatalog voices;
    private final URI clones;

    /** Without cloning; see {@link #OpenAiSpeechTextToSpeech(RemoteSpeechSettings, HttpTransport, Path, String)}. */
    public OpenAiSpeechTextToSpeech(RemoteSpeechSettings configured, HttpTransport transport, Path voiceCache) {
        this(configured, transport, voiceCache, null);
    }

    /**
     * Lists the voices now (a blocking request of at most 10 s); a server that is down is no error here.
     *
     * @param voiceCache where the last listing is kept; null for none
     * @param clonePath the server's voice upload path under {@code /v1} (Chatterbox-TTS-API: {@code /voices}); null: no cloning
     */
    public OpenAiSpeechTextToSpeech(RemoteSpeechSettings configured, HttpTransport transport, Path voiceCache, String clonePath) {
        this.clones = clonePath == null || clonePath.isBlank() ? null
                : ServiceEndpoint.resolve(configured.url(), "/" + clonePath.strip().replaceAll("^/+|/+$", ""), "text-to-speech");
        RemoteSpeechSettings settings = configured.withDefaultModel(DEFAULT_MODEL);
        this.settings = settings;
        this.speech = ServiceEndpoint.resolve(settings.url(), "/audio/speech", "text-to-speech");
        this.server = new RemoteSpeechServer(PROVIDER, transport, settings.timeout());
        URI list = ServiceEndpoint.resolve(settings.url(), "/audio/voices", "text-to-speech");
        this.voices = RemoteVoiceCatalog.load(() -> parseVoices(server.json(list, settings.authorization(), RemoteSpeechSettings.LISTING_TIMEOUT)),
                settings.voices(), id -> SpeechVoiceNames.describe(id, PROVIDER), OPENAI_VOICES, voiceCache);
    }

    /** {@code {"voices":[…]}}, {@code {"data":[…]}} or a bare array; each a string or an object with an id. */
    static List<VoiceDescriptor> parseVoices(JsonNode body) {
        JsonNode list = body.isArray() ? body : body.has("voices") ? body.get("voices") : body.path("data");
        List<VoiceDescriptor> out = new ArrayList<>();
        for (JsonNode v : list) {
            String id = v.isTextual() ? v.asText() : firstText(v, "voice_id", "id", "name");
            if (id == null || id.isBlank() || out.stream().anyMatch(d -> d.id().equals(id))) continue;
            VoiceDescriptor d = SpeechVoiceNames.describe(id.strip(), PROVIDER);
            String name = v.isObject() ? firstText(v, "name") : null;
            out.add(name == null || name.equals(id) ? d : new VoiceDescriptor(d.id(), name, d.description(), d.language(), d.labels()));
        }
        return out;
    }

    private static String firstText(JsonNode n, String... fields) {
        for (String f : fields) if (n.path(f).isTextual()) return n.path(f).asText();
        return null;
    }

    public URI endpoint() { return speech; }

    @Override
    public EngineInfo info() {
        return voices.info(PROVIDER, "OpenAI-compatible speech server at " + speech, settings.model());
    }

    @Override
    public List<VoiceDescriptor> voices() { return voices.voices(); }

    @Override
    public Optional<VoiceCloning> cloning() { return clones == null ? Optional.empty() : Optional.of(this); }

    /** Uploads the longest sample as a new voice named {@code timbre-<random>} (the server keeps one file per voice). */
    @Override
    public String clone(String name, List<byte[]> samples, boolean removeBackgroundNoise) {
        if (clones == null) throw new EngineException("the " + PROVIDER + " server has no clone path configured");
        byte[] longest = samples.stream().max(java.util.Comparator.comparingInt(b -> b.length)).orElseThrow();
        String id = "timbre-" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        String[] type = SampleTypes.of(longest);
        MultipartBody form = new MultipartBody().field("voice_name", id).file("voice_file", id + "." + type[1], type[0], longest);
        try (InputStream answer = server.open(clones, "POST", form.bytes(), form.contentType(), settings.authorization(), null)) {
            answer.readNBytes(RemoteSpeechServer.MAX_JSON_BYTES); // its description of the voice: the name is ours
        } catch (IOException e) {
            throw new EngineException("the " + PROVIDER + " server broke off its answer to the voice upload", e, true);
        }
        return id;
    }

    /** {@code DELETE {clone path}/{id}}; a 404 (already gone) is no error. */
    @Override
    public void forget(String voiceId) {
        if (clones == null) return;
        server.delete(URI.create(clones + "/" + URLEncoder.encode(voiceId, StandardCharsets.UTF_8)), settings.authorization());
    }

    @Override
    public SpeechStream openStream(SpeechRequest request, AudioSink out) {
        if (request.text().isBlank()) throw new EngineException("there is no text to speak");
        ObjectNode body = RemoteSpeechServer.JSON.createObjectNode()
                .put("model", settings.model()).put("input", request.text()).put("voice", request.voiceId())
                .put("response_format", "pcm");
        double speed = Math.max(0.25, Math.min(4.0, request.tuning().speed() * request.shape().rate()));
        if (Math.abs(speed - 1.0) > 1e-6) body.put("speed", speed);
        return server.streamPcm("openai-tts", speech, body.toString().getBytes(StandardCharsets.UTF_8), settings.authorization(),
                settings.sampleRate(), settings.maxAudioBytes(), out);
    }
}
