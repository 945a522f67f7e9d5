package dev.timbre.texttospeech;

import static org.assertj.core.api.Assertions.assertThat;

import dev.timbre.audio.AudioDecoder;
import dev.timbre.testing.TestServer;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("integration")
class TextToSpeechApiTest {
    static TestServer server;
    static String voiceId;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        voiceId = server.firstVoiceId();
    }

    @AfterAll
    static void stop() { server.close(); }

    @Test
    void convert_returns_mp3_records_history_and_charges_characters() {
        int before = server.get("/v1/user/subscription").json().get("character_count").asInt();
        String text = "The first move is what sets everything in motion.";
        var r = server.postJson("/v1/text-to-speech/" + voiceId + "?output_format=mp3_44100_128",
                Map.of("text", text, "model_id", "eleven_multilingual_v2"));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("content-type")).isEqualTo("audio/mpeg");
        assertThat(r.header("request-id")).isNotBlank();
        var decoded = AudioDecoder.decode(r.body());
        assertThat(decoded.format().sampleRate()).isEqualTo(44100);
        assertThat(decoded.format().seconds(decoded.pcm().length)).isGreaterThan(0.5);

        String itemId = r.header("history-item-id");
        var item = server.get("/v1/history/" + itemId);
        assertThat(item.status()).isEqualTo(200);
        assertThat(item.json().get("text").asText()).isEqualTo(text);
        assertThat(item.json().get("voice_id").asText()).isEqualTo(voiceId);
        assertThat(item.json().get("model_id").asText()).isEqualTo("eleven_multilingual_v2");
        assertThat(server.get("/v1/history/" + itemId + "/audio").body()).isEqualTo(r.body());
        int after = server.get("/v1/user/subscription").json().get("character_count").asInt();
        assertThat(after - before).isEqualTo(text.length());
    }

    @Test
    void pcm_output_is_raw_samples_at_the_requested_rate() {
        var r = server.postJson("/v1/text-to-speech/" + voiceId + "?output_format=pcm_24000", Map.of("text", "Hello there."));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body().length % 2).isZero();
        assertThat(r.body().length).isGreaterThan(24000 / 4 * 2);
    }

    @Test
    void enable_logging_false_stores_no_history() {
        var r = server.postJson("/v1/text-to-speech/" + voiceId + "?enable_logging=false", Map.of("text", "Not logged."));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("history-item-id")).isNull();
    }

    @Test
    void bad_input_gets_elevenlabs_errors() {
        assertThat(server.postJson("/v1/text-to-speech/nope", Map.of("text", "x")).status()).isEqualTo(404);
        var missing = server.postJson("/v1/text-to-speech/" + voiceId, Map.of("model_id", "eleven_v3"));
        assertThat(missing.status()).isEqualTo(422);
        assertThat(missing.json().at("/detail/0/loc/1").asText()).isEqualTo("text");
        assertThat(server.postJson("/v1/text-to-speech/" + voiceId, Map.of("text", "")).status()).isEqualTo(422);
        assertThat(server.postJson("/v1/text-to-speech/" + voiceId + "?output_format=mp3_1_1", Map.of("text", "x")).status()).isEqualTo(422);
        var model = server.postJson("/v1/text-to-speech/" + voiceId, Map.of("text", "x", "model_id", "scribe_v1"));
        assertThat(model.status()).isEqualTo(400);
        assertThat(model.json().at("/detail/status").asText()).isEqualTo("model_not_found");
        var speed = server.postJson("/v1/text-to-speech/" + voiceId, Map.of("text", "x", "voice_settings", Map.of("speed", 3.0)));
        assertThat(speed.status()).isEqualTo(422);
        assertThat(server.postJson("/v1/text-to-speech/" + voiceId, Map.of("text", "x".repeat(10_001))).status()).isEqualTo(422);
        var malformed = server.post("/v1/text-to-speech/" + voiceId, "application/json", "{\"text\":".getBytes());
        assertThat(malformed.status()).isBetween(400, 422);
    }
}
