package dev.timbre.openai;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timbre.audio.Pcm;
import dev.timbre.audio.PcmFormat;
import dev.timbre.audio.Wav;
import dev.timbre.config.TimbreConfig;
import dev.timbre.testing.Multipart;
import dev.timbre.testing.TestServer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** OpenAI's {@code POST /v1/audio/transcriptions} against the fake recogniser (one {@code wordN} per voiced 0.3 s). */
@Tag("integration")
class OpenAiTranscriptionsApiTest {
    static TestServer server;

    @BeforeAll
    static void start() { server = TestServer.start(); }

    @AfterAll
    static void stop() { server.close(); }

    /** 16 kHz WAV: 0.2 s silence, then each tone followed by {@code gap} s of silence. */
    static byte[] wav(double gap, double... tones) {
        int rate = 16000;
        int total = (int) (0.2 * rate);
        for (double t : tones) total += (int) (t * rate) + (int) (gap * rate);
        short[] out = new short[total];
        int pos = (int) (0.2 * rate);
        for (double t : tones) {
            int n = (int) (t * rate);
            for (int i = 0; i < n; i++) out[pos + i] = (short) (8000 * Math.sin(2 * Math.PI * 440 * i / rate));
            pos += n + (int) (gap * rate);
        }
        return Wav.wrap(Pcm.toBytes(out), new PcmFormat(rate));
    }

    static Multipart form(String model, byte[] audio) {
        Multipart m = new Multipart();
        if (audio != null) m.file("file", "speech.wav", "audio/wav", audio);
        if (model != null) m.field("model", model);
        return m;
    }

    /** As the OpenAI SDK sends it: multipart, the key as a Bearer token and no xi-api-key. */
    static TestServer.Response send(TestServer s, Multipart form, String key) {
        return s.send(HttpRequest.newBuilder(URI.create(s.url("/v1/audio/transcriptions")))
                .header("Authorization", "Bearer " + key).header("Content-Type", form.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(form.bytes())));
    }

    static TestServer.Response send(Multipart form) {
        return send(server, form, TestServer.KEY);
    }

    static JsonNode openAiError(TestServer.Response r, int status, String param) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        JsonNode e = r.json().get("error");
        assertThat(e).as(r.text()).isNotNull();
        assertThat(e.get("message").asText()).isNotBlank();
        assertThat(e.get("type").asText()).isEqualTo(status >= 500 ? "server_error" : "invalid_request_error");
        assertThat(e.has("param") && e.has("code")).isTrue();
        if (param != null) assertThat(e.get("param").asText()).isEqualTo(param);
        assertThat(r.json().has("detail")).isFalse();
        return e;
    }

    @Test
    void json_is_the_default_and_every_openai_model_works() {
        for (String model : List.of("whisper-1", "gpt-4o-transcribe", "gpt-4o-mini-transcribe", "scribe_v1")) {
            TestServer.Response r = send(form(model, wav(0.2, 0.3, 0.3)));
            assertThat(r.status()).as(model + " " + r).isEqualTo(200);
            assertThat(r.header("content-type")).startsWith("application/json");
            JsonNode body = r.json();
            assertThat(body.get("text").asText()).isEqualTo("word1 word2");
            assertThat(body.size()).isEqualTo(1);
        }
        TestServer.Response json = send(form("whisper-1", wav(0.2, 0.3)).field("response_format", "json").field("prompt", "ignored")
                .field("language", "en").field("temperature", "0.2"));
        assertThat(json.json().get("text").asText()).isEqualTo("word1");
    }

    @Test
    void text_srt_and_vtt() {
        TestServer.Response text = send(form("whisper-1", wav(0.2, 0.3, 0.3)).field("response_format", "text"));
        assertThat(text.status()).isEqualTo(200);
        assertThat(text.header("content-type")).startsWith("text/plain");
        assertThat(text.text()).isEqualTo("word1 word2\n");

        TestServer.Response srt = send(form("whisper-1", wav(1.0, 0.3, 0.3)).field("response_format", "srt"));
        assertThat(srt.status()).isEqualTo(200);
        assertThat(srt.header("content-type")).startsWith("text/plain");
        assertThat(srt.text()).startsWith("1\n00:00:00.200".replace('.', ',') + " --> ").contains("\nword1\n\n2\n").contains("\nword2\n");
        assertThat(srt.text()).doesNotContain("speaker_");

        TestServer.Response vtt = send(form("whisper-1", wav(0.2, 0.3, 0.3)).field("response_format", "vtt"));
        assertThat(vtt.status()).isEqualTo(200);
        assertThat(vtt.text()).startsWith("WEBVTT\n\n00:00:00.200 --> 00:00:01.000\nword1 word2\n");
    }

    @Test
    void verbose_json_has_language_duration_segments_and_words() {
        JsonNode body = send(form("whisper-1", wav(1.0, 0.3, 0.3)).field("response_format", "verbose_json")).json();
        assertThat(body.get("task").asText()).isEqualTo("transcribe");
        assertThat(body.get("language").asText()).isEqualTo("english");
        assertThat(body.get("duration").asDouble()).isBetween(2.79, 2.81);
        assertThat(body.get("text").asText()).isEqualTo("word1 word2");
        assertThat(body.has("words")).isFalse();
        JsonNode segments = body.get("segments");
        assertThat(segments).hasSize(2);
        JsonNode s0 = segments.get(0);
        assertThat(s0.get("id").asInt()).isEqualTo(0);
        assertThat(s0.get("text").asText()).isEqualTo("word1");
        assertThat(s0.get("start").asDouble()).isBetween(0.18, 0.22);
        assertThat(s0.get("end").asDouble()).isBetween(0.48, 0.52);
        for (String f : List.of("seek", "tokens", "temperature", "avg_logprob", "compression_ratio", "no_speech_prob")) {
            assertThat(s0.has(f)).as(f).isTrue();
        }
        assertThat(segments.get(1).get("id").asInt()).isEqualTo(1);
        assertThat(body.at("/usage/type").asText()).isEqualTo("duration");

        JsonNode both = send(form("gpt-4o-transcribe", wav(0.2, 0.3, 0.3)).field("response_format", "verbose_json")
                .field("timestamp_granularities[]", "word").field("timestamp_granularities[]", "segment").field("language", "de")).json();
        assertThat(both.get("language").asText()).isEqualTo("german");
        List<String> words = new ArrayList<>();
        both.get("words").forEach(w -> words.add(w.get("word").asText()));
        assertThat(words).containsExactly("word1", "word2");
        assertThat(both.at("/words/0/start").asDouble()).isBetween(0.18, 0.22);
        assertThat(both.at("/words/1/end").asDouble()).isGreaterThan(both.at("/words/1/start").asDouble());
        assertThat(both.get("segments")).hasSize(1);

        JsonNode wordsOnly = send(form("whisper-1", wav(0.2, 0.3)).field("response_format", "verbose_json")
                .field("timestamp_granularities[]", "word")).json();
        assertThat(wordsOnly.get("words")).hasSize(1);
        assertThat(wordsOnly.has("segments")).isFalse();
    }

    @Test
    void stream_sends_text_events() {
        TestServer.Response r = send(form("gpt-4o-mini-transcribe", wav(0.2, 0.3, 0.3)).field("stream", "true"));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("content-type")).startsWith("text/event-stream");
        assertThat(r.text()).contains("\"type\":\"transcript.text.delta\",\"delta\":\"word1\"")
                .contains("\"delta\":\" word2\"").contains("\"type\":\"transcript.text.done\",\"text\":\"word1 word2\"");
    }

    @Test
    void bearer_auth_and_openai_shaped_401() {
        openAiError(send(server, form("whisper-1", wav(0.2, 0.3)), "wrong-key"), 401, null);
        TestServer.Response none = server.send(HttpRequest.newBuilder(URI.create(server.url("/v1/audio/transcriptions")))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")));
        openAiError(none, 401, null);
        TestServer.Response xi = server.postMultipart("/v1/audio/transcriptions", form("whisper-1", wav(0.2, 0.3)));
        assertThat(xi.status()).isEqualTo(200);
    }

    @Test
    void bad_input_is_an_openai_400() {
        openAiError(send(form("whisper-1", null)), 400, "file");
        openAiError(send(form(null, wav(0.2, 0.3))), 400, "model");
        assertThat(openAiError(send(form("whisper-2", wav(0.2, 0.3))), 400, "model").get("code").asText()).isEqualTo("model_not_found");
        openAiError(send(form("tts-1", wav(0.2, 0.3))), 400, "model");
        openAiError(send(form("whisper-1", wav(0.2, 0.3)).field("response_format", "docx")), 400, "response_format");
        openAiError(send(form("whisper-1", wav(0.2, 0.3)).field("temperature", "1.5")), 400, "temperature");
        openAiError(send(form("whisper-1", wav(0.2, 0.3)).field("temperature", "warm")), 400, "temperature");
        openAiError(send(form("whisper-1", wav(0.2, 0.3)).field("timestamp_granularities[]", "sentence")), 400, "timestamp_granularities");
        openAiError(send(form("whisper-1", wav(0.2, 0.3)).field("language", "zz9")), 400, "language");
        openAiError(send(form("whisper-1", wav(0.2, 0.3)).field("language", "ja")), 400, "language");
        openAiError(send(new Multipart().field("model", "whisper-1").file("file", "a.wav", "audio/wav", "not audio".getBytes())), 400, null);
        openAiError(send(new Multipart().field("model", "whisper-1").file("file", "a.wav", "audio/wav", new byte[0])), 400, "file");
        TestServer.Response json = server.send(server.builder("/v1/audio/transcriptions").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"whisper-1\"}")));
        openAiError(json, 400, null);
    }

    @Test
    void no_engine_is_an_openai_503() {
        try (TestServer s = TestServer.start(c -> c.withEngines(new TimbreConfig.Engines("fake")))) {
            JsonNode e = openAiError(send(s, form("whisper-1", wav(0.2, 0.3)), TestServer.KEY), 503, null);
            assertThat(e.get("code").asText()).isEqualTo("speech_to_text_unavailable");
        }
    }
}
