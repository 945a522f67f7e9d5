package dev.timbre.openai;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timbre.audio.AudioDecoder;
import dev.timbre.http.Json;
import dev.timbre.testing.TestServer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("integration")
class OpenAiSpeechApiTest {
    static TestServer server;
    static List<String> premade;
    static final String TEXT = "The quick brown fox jumps over the lazy dog.";

    @BeforeAll
    static void start() {
        server = TestServer.start();
        premade = new ArrayList<>();
        for (JsonNode v : server.get("/v1/voices").json().get("voices")) {
            if (v.get("category").asText().equals("premade")) premade.add(v.get("voice_id").asText());
        }
    }

    @AfterAll
    static void stop() { server.close(); }

    /** What the OpenAI SDK sends: the key as a Bearer token, a JSON body, no xi-api-key. */
    static TestServer.Response speech(Object body, String key) {
        String json = body instanceof String s ? s : Json.write(body);
        return server.send(HttpRequest.newBuilder(URI.create(server.url("/v1/audio/speech")))
                .header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    static TestServer.Response speech(Map<String, Object> overrides) {
        Map<String, Object> body = new HashMap<>(Map.of("model", "tts-1", "input", TEXT, "voice", "alloy"));
        body.putAll(overrides);
        body.values().removeIf(v -> v == null);
        return speech(body, TestServer.KEY);
    }

    @Test
    void mp3_is_the_default_and_decodes_at_44100() {
        var r = speech(Map.of());
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        assertThat(r.header("content-type")).isEqualTo("audio/mpeg");
        var decoded = AudioDecoder.decode(r.body());
        assertThat(decoded.format().sampleRate()).isEqualTo(44100);
        assertThat(decoded.format().seconds(decoded.pcm().length)).isGreaterThan(1.0);
    }

    @Test
    void opus_is_ogg() {
        var r = speech(Map.of("response_format", "opus"));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("content-type")).isEqualTo("audio/ogg");
        assertThat(new String(r.body(), 0, 4, StandardCharsets.ISO_8859_1)).isEqualTo("OggS");
    }

    @Test
    void wav_decodes_at_24000() {
        var r = speech(Map.of("response_format", "wav"));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("content-type")).isEqualTo("audio/wav");
        var decoded = AudioDecoder.decode(r.body());
        assertThat(decoded.format().sampleRate()).isEqualTo(24000);
        assertThat(decoded.format().seconds(decoded.pcm().length)).isGreaterThan(1.0);
    }

    @Test
    void pcm_is_24khz_16_bit_samples() {
        var wav = AudioDecoder.decode(speech(Map.of("response_format", "wav")).body());
        double seconds = wav.format().seconds(wav.pcm().length);
        var r = speech(Map.of("response_format", "pcm"));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("content-type")).isEqualTo("audio/pcm");
        assertThat(r.body().length % 2).isZero();
        assertThat((double) r.body().length).isCloseTo(24000 * 2 * seconds, org.assertj.core.data.Percentage.withPercentage(2));
    }

    @Test
    void sse_sends_audio_deltas_then_done() {
        var r = speech(Map.of("response_format", "pcm", "stream_format", "sse"));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("content-type")).startsWith("text/event-stream");
        List<JsonNode> events = new ArrayList<>();
        for (String line : r.text().split("\n")) {
            if (line.startsWith("data: ")) events.add(read(line.substring(6)));
        }
        assertThat(events).hasSizeGreaterThan(1);
        assertThat(events.subList(0, events.size() - 1)).allSatisfy(e -> assertThat(e.get("type").asText()).isEqualTo("speech.audio.delta"));
        JsonNode done = events.get(events.size() - 1);
        assertThat(done.get("type").asText()).isEqualTo("speech.audio.done");
        assertThat(done.at("/usage/input_tokens").asInt()).isEqualTo(TEXT.length());
        int bytes = events.stream().filter(e -> e.has("audio")).mapToInt(e -> java.util.Base64.getDecoder().decode(e.get("audio").asText()).length).sum();
        assertThat(bytes).isEqualTo(speech(Map.of("response_format", "pcm")).body().length);
    }

    @Test
    void bearer_auth_works_and_a_wrong_key_is_an_openai_401() {
        assertThat(speech(Map.of()).status()).isEqualTo(200);
        var r = speech(Map.of("model", "tts-1", "input", "x", "voice", "alloy"), "wrong-key");
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.json().at("/error/type").asText()).isEqualTo("invalid_request_error");
        assertThat(r.json().at("/error/code").asText()).isEqualTo("invalid_api_key");
        assertThat(r.json().at("/error/message").asText()).isNotBlank();
        var none = server.send(HttpRequest.newBuilder(URI.create(server.url("/v1/audio/speech")))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.json().has("error")).isTrue();
    }

    @Test
    void bearer_auth_works_on_elevenlabs_routes_too() {
        var r = server.send(HttpRequest.newBuilder(URI.create(server.url("/v1/user"))).header("Authorization", "Bearer " + TestServer.KEY).GET());
        assertThat(r.status()).isEqualTo(200);
        var wrong = server.send(HttpRequest.newBuilder(URI.create(server.url("/v1/user"))).header("Authorization", "Bearer nope").GET());
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.json().has("detail")).isTrue();
    }

    @Test
    void every_openai_voice_name_speaks_with_a_premade_voice_in_fixed_order() {
        for (int i = 0; i < OpenAiVoices.NAMES.size(); i++) {
            String name = OpenAiVoices.NAMES.get(i);
            var r = speech(Map.of("voice", name, "input", "Hello.", "response_format", "pcm"));
            assertThat(r.status()).as(name).isEqualTo(200);
            String voiceId = server.get("/v1/history/" + r.header("history-item-id")).json().get("voice_id").asText();
            assertThat(voiceId).as(name).isEqualTo(premade.get(i % premade.size()));
        }
        assertThat(speech(Map.of("voice", "ALLOY")).status()).isEqualTo(200);
    }

    @Test
    void a_timbre_voice_id_and_an_elevenlabs_model_are_accepted() {
        String voiceId = premade.get(1);
        var r = speech(Map.of("voice", voiceId, "model", "eleven_multilingual_v2", "instructions", "Speak cheerfully."));
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        var item = server.get("/v1/history/" + r.header("history-item-id")).json();
        assertThat(item.get("voice_id").asText()).isEqualTo(voiceId);
        assertThat(item.get("model_id").asText()).isEqualTo("eleven_multilingual_v2");
        assertThat(speech(Map.of("voice", Map.of("id", voiceId))).status()).isEqualTo(200);
    }

    @Test
    void speed_2_gives_shorter_audio_than_1() {
        int normal = speech(Map.of("response_format", "pcm")).body().length;
        int fast = speech(Map.of("response_format", "pcm", "speed", 2.0)).body().length;
        int slow = speech(Map.of("response_format", "pcm", "speed", 0.25)).body().length;
        assertThat((double) fast).isCloseTo(normal / 2.0, org.assertj.core.data.Percentage.withPercentage(10));
        assertThat(slow).isGreaterThan(normal * 3);
    }

    @Test
    void a_history_item_is_recorded_and_characters_are_charged() {
        int before = server.get("/v1/user/subscription").json().get("character_count").asInt();
        var r = speech(Map.of("model", "tts-1-hd"));
        assertThat(r.status()).isEqualTo(200);
        var item = server.get("/v1/history/" + r.header("history-item-id"));
        assertThat(item.status()).isEqualTo(200);
        assertThat(item.json().get("text").asText()).isEqualTo(TEXT);
        assertThat(item.json().get("source").asText()).isEqualTo("TTS");
        assertThat(item.json().get("model_id").asText()).isEqualTo("eleven_multilingual_v2");
        assertThat(server.get("/v1/history/" + r.header("history-item-id") + "/audio").body()).isEqualTo(r.body());
        int after = server.get("/v1/user/subscription").json().get("character_count").asInt();
        assertThat(after - before).isEqualTo(TEXT.length());
    }

    @Test
    void bad_input_gets_openai_errors() {
        Map<String, Object> missingInput = new HashMap<>();
        missingInput.put("input", null);
        assertError(speech(missingInput), 400, "input");
        assertError(speech(Map.of("input", "")), 400, "input");
        assertError(speech(Map.of("input", "x".repeat(4097))), 400, "input");
        assertThat(speech(Map.of("input", "a ".repeat(2048), "response_format", "pcm")).status()).isEqualTo(200);
        Map<String, Object> missingModel = new HashMap<>();
        missingModel.put("model", null);
        assertError(speech(missingModel), 400, "model");
        assertError(speech(Map.of("model", "whisper-1")), 400, "model");
        Map<String, Object> missingVoice = new HashMap<>();
        missingVoice.put("voice", null);
        assertError(speech(missingVoice), 400, "voice");
        assertError(speech(Map.of("voice", "nobody")), 404, "voice");
        assertError(speech(Map.of("voice", "../etc/passwd")), 404, "voice");
        assertError(speech(Map.of("response_format", "aac")), 400, "response_format");
        assertError(speech(Map.of("response_format", "flac")), 400, "response_format");
        assertError(speech(Map.of("response_format", "ogg")), 400, "response_format");
        assertError(speech(Map.of("speed", 5)), 400, "speed");
        assertError(speech(Map.of("speed", 0.1)), 400, "speed");
        assertError(speech(Map.of("speed", "fast")), 400, "speed");
        assertError(speech(Map.of("stream_format", "chunks")), 400, "stream_format");
        assertError(speech("{\"model\":", TestServer.KEY), 400, null);
        assertError(speech("", TestServer.KEY), 400, null);
        assertError(speech("[1]", TestServer.KEY), 400, null);
    }

    static void assertError(TestServer.Response r, int status, String param) {
        assertThat(r.status()).as(r.text()).isEqualTo(status);
        assertThat(r.header("content-type")).startsWith("application/json");
        JsonNode error = r.json().get("error");
        assertThat(error).as(r.text()).isNotNull();
        assertThat(error.get("message").asText()).isNotBlank();
        assertThat(error.get("type").asText()).isEqualTo("invalid_request_error");
        if (param == null) assertThat(error.get("param").isNull()).as(r.text()).isTrue();
        else assertThat(error.get("param").asText()).isEqualTo(param);
        assertThat(error.has("code")).isTrue();
    }

    static JsonNode read(String json) {
        try {
            return Json.MAPPER.readTree(json);
        } catch (java.io.IOException e) {
            throw new AssertionError(json, e);
        }
    }
}
