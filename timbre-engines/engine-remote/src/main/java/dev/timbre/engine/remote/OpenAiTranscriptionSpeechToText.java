package dev.timbre.engine.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.timbre.audio.PcmFormat;
import dev.timbre.audio.Wav;
import dev.timbre.engine.EngineCapabilities;
import dev.timbre.engine.EngineException;
import dev.timbre.engine.EngineInfo;
import dev.timbre.engine.ServiceEndpoint;
import dev.timbre.engine.RecognizedWord;
import dev.timbre.engine.SpeechToText;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Speech to text on a remote server that speaks OpenAI's {@code POST /v1/audio/transcriptions} (OpenAI itself, or
 * Whisper behind faster-whisper-server, speaches, LocalAI, vLLM, …). Each {@link #transcribe} sends the PCM as a 16-bit
 * WAV in a multipart body with {@code response_format=verbose_json} and {@code timestamp_granularities[]=word}, and
 * reads {@code text}, {@code language} and {@code words}; a server that answers only {@code segments} has each
 * segment's time spread over its words by length. Batch only (realtime sessions buffer until commit), no alignment.
 * Nothing is sent anywhere unless this provider is configured.
 */
public final class OpenAiTranscriptionSpeechToText implements SpeechToText {
    public static final String PROVIDER = "openai";
    public static final String DEFAULT_MODEL = "whisper-1";
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(300);
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI endpoint;
    private final String apiKey;
    private final String model;
    private final Duration timeout;
    private final HttpClient http;

    /**
     * @param baseUrl the server, e.g. {@code http://gpu-host:8000}; {@code /v1/audio/transcriptions} is appended
     *        unless the URL already ends with it (a URL ending in {@code /v1} gets {@code /audio/transcriptions})
     * @param apiKey sent as {@code Authorization: Bearer}; null or blank sends none
     * @param model the {@code model} field; null means {@value #DEFAULT_MODEL}
     * @param timeout how long one request may take; null means 300 s
     */
    public OpenAiTranscriptionSpeechToText(String baseUrl, String apiKey, String model, Duration timeout) {
        this.endpoint = endpoint(Objects.requireNonNull(baseUrl, "baseUrl"));
        this.apiKey = apiKey == null || apiKey.isBlank() ? null : apiKey.strip();
        this.model = model == null || model.isBlank() ? DEFAULT_MODEL : model.strip();
        this.timeout = timeout == null || timeout.isZero() || timeout.isNegative() ? DEFAULT_TIMEOUT : timeout;
        this.http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    private OpenAiTranscriptionSpeechToText(OpenAiTranscriptionSpeechToText from, String model) {
        this.endpoint = from.endpoint;
        this.apiKey = from.apiKey;
        this.model = model;
        this.timeout = from.timeout;
        this.http = from.http;
    }

    /**
     * This client sending {@code modelId} as {@code model} instead of the configured one: what an API node does when it
     * routes a transcription for that model to an engine node. Cheap (same HTTP client); null or blank gives this.
     */
    public OpenAiTranscriptionSpeechToText withModel(String modelId) {
        return modelId == null || modelId.isBlank() || modelId.strip().equals(model) ? this
                : new OpenAiTranscriptionSpeechToText(this, modelId.strip());
    }

    /** The {@code model} each request sends. */
    public String model() { return model; }

    static URI endpoint(String baseUrl) {
        return ServiceEndpoint.resolve(baseUrl, "/audio/transcriptions", "speech-to-text");
    }

    public URI endpoint() { return endpoint; }

    @Override
    public EngineInfo info() {
        return new EngineInfo(PROVIDER, "OpenAI-compatible transcription server at " + endpoint + " (model " + model + ")",
                new EngineCapabilities(WhisperLanguages.codes(), false, true, false));
    }

    @Override
    public Transcript transcribe(byte[] pcm, PcmFormat format, String languageCode) {
        if (pcm.length < 2) return Transcript.empty(languageCode == null || languageCode.isBlank() ? "en" : languageCode);
        String boundary = "timbre-" + UUID.randomUUID();
        Multipart body = new Multipart(boundary)
                .file("file", "audio.wav", "audio/wav", Wav.wrap(pcm, format))
                .field("model", model)
                .field("response_format", "verbose_json")
                .field("timestamp_granularities[]", "word");
        if (languageCode != null && !languageCode.isBlank()) body.field("language", languageCode);
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint).timeout(timeout)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.finish()));
        if (apiKey != null) request.header("Authorization", "Bearer " + apiKey);

        HttpResponse<String> response = RemoteExchange.send(http, request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8),
                "speech-to-text server " + endpoint);
        int status = response.statusCode();
        if (status / 100 != 2) {
            boolean retryable = status >= 500 || status == 429 || status == 408;
            throw new EngineException("speech-to-text server " + endpoint + " answered " + status + ": "
                    + errorMessage(response.body()), null, retryable);
        }
        try {
            return parse(JSON.readTree(response.body()), languageCode, format.seconds(pcm.length));
        } catch (IOException | RuntimeException e) {
            throw new EngineException("speech-to-text server " + endpoint + " answered something other than verbose_json: "
                    + abbreviate(response.body()), e, false);
        }
    }

    /** A {@code verbose_json} body as a transcript; {@code seconds} is the audio's length (for a body without times). */
    static Transcript parse(JsonNode body, String requestedLanguage, double seconds) {
        if (!body.isObject()) throw new IllegalArgumentException("not a JSON object");
        String text = body.path("text").asText("").strip();
        String reported = body.path("language").asText(null);
        String language = WhisperLanguages.iso639_1(reported)
                .or(() -> WhisperLanguages.iso639_1(requestedLanguage))
                .orElse(reported == null || reported.isBlank() ? "en" : reported.strip().toLowerCase(java.util.Locale.ROOT));
        List<RecognizedWord> words = new ArrayList<>();
        JsonNode ws = body.path("words");
        if (ws.isArray() && !ws.isEmpty()) {
            for (JsonNode w : ws) {
                String word = w.path("word").asText("").strip();
                if (word.isEmpty()) continue;
                double p = w.path("probability").asDouble(Double.NaN);
                words.add(new RecognizedWord(word, w.path("start").asDouble(0), w.path("end").asDouble(0),
                        p > 0 && p <= 1 ? Math.log(p) : Double.NaN));
            }
        } else if (body.path("segments").isArray() && !body.path("segments").isEmpty()) {
            for (JsonNode s : body.path("segments")) {
                spread(s.path("text").asText(""), s.path("start").asDouble(0), s.path("end").asDouble(0), words);
            }
        } else {
            spread(text, 0, body.path("duration").asDouble(seconds), words);
        }
        if (text.isEmpty()) text = String.join(" ", words.stream().map(RecognizedWord::word).toList());
        return Transcript.of(text, language, 1.0, words);
    }

    /** The words of {@code text} over {@code [start, end]}, each getting time in proportion to its length. */
    private static void spread(String text, double start, double end, List<RecognizedWord> into) {
        String[] parts = text.strip().split("\\s+");
        if (parts.length == 0 || parts[0].isEmpty()) return;
        double chars = 0;
        for (String p : parts) chars += p.length();
        double t = start, span = Math.max(0, end - start);
        for (String p : parts) {
            double d = span * p.length() / chars;
            into.add(new RecognizedWord(p, t, t + d, Double.NaN));
            t += d;
        }
    }

    private static String errorMessage(String body) {
        try {
            JsonNode n = JSON.readTree(body);
            JsonNode m = n.path("error").path("message");
            if (m.isTextual()) return m.asText();
            if (n.path("error").isTextual()) return n.path("error").asText();
            if (n.path("detail").isTextual()) return n.path("detail").asText();
        } catch (IOException | RuntimeException ignored) {
            // not JSON: show the text
        }
        return abbreviate(body);
    }

    private static String abbreviate(String s) {
        if (s == null || s.isBlank()) return "(empty body)";
        String t = s.strip();
        return t.length() > 300 ? t.substring(0, 300) + "…" : t;
    }

    /** A multipart/form-data body. */
    static final class Multipart {
        private final String boundary;
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Multipart(String boundary) { this.boundary = boundary; }

        Multipart field(String name, String value) {
            head("Content-Disposition: form-data; name=\"" + name + "\"\r\n\r\n");
            out.writeBytes(value.getBytes(StandardCharsets.UTF_8));
            out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
            return this;
        }

        Multipart file(String name, String filename, String contentType, byte[] content) {
            head("Content-Disposition: form-data; name=\"" + name + "\"; filename=\"" + filename + "\"\r\n"
                    + "Content-Type: " + contentType + "\r\n\r\n");
            out.writeBytes(content);
            out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
            return this;
        }

        private void head(String headers) {
            out.writeBytes(("--" + boundary + "\r\n" + headers).getBytes(StandardCharsets.UTF_8));
        }

        byte[] finish() {
            out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
            return out.toByteArray();
        }
    }
}
