package dev.timbre.texttospeech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timbre.engine.fake.ToneTextToSpeech;
import dev.timbre.http.Json;
import dev.timbre.testing.OpenApiContract;
import dev.timbre.testing.TestServer;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** {@code /with-timestamps}, {@code /stream}, {@code /stream/with-timestamps}, seeds and normalisation, on the tone engine. */
@Tag("integration")
class TimestampsApiTest {
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
    void with_timestamps_aligns_the_original_and_the_normalised_text() {
        String text = "I have 3 apples and 12 pears.";
        var r = server.postJson("/v1/text-to-speech/" + voiceId + "/with-timestamps?output_format=pcm_16000", Map.of("text", text));
        assertThat(r.status()).isEqualTo(200);
        OpenApiContract.assertConforms("POST", "/v1/text-to-speech/{voice_id}/with-timestamps", r);
        byte[] audio = Base64.getDecoder().decode(r.json().get("audio_base64").asText());
        double seconds = audio.length / 2.0 / 16000;
        assertAligned(r.json().get("alignment"), text, seconds);
        assertAligned(r.json().get("normalized_alignment"), "I have three apples and twelve pears.", seconds);
        assertThat(seconds).isCloseTo(ToneTextToSpeech.secondsFor("I have three apples and twelve pears."), within(0.01));
    }

    @Test
    void normalisation_off_speaks_the_text_as_written() {
        var r = server.postJson("/v1/text-to-speech/" + voiceId + "/with-timestamps",
                Map.of("text", "Room 101", "apply_text_normalization", "off"));
        assertThat(r.status()).isEqualTo(200);
        assertThat(joined(r.json().get("normalized_alignment"))).isEqualTo("Room 101");
        assertThat(server.postJson("/v1/text-to-speech/" + voiceId, Map.of("text", "x", "apply_text_normalization", "sometimes")).status())
                .isEqualTo(422);
        var fastest = server.postJson("/v1/text-to-speech/" + voiceId + "/with-timestamps?optimize_streaming_latency=4",
                Map.of("text", "Room 101"));
        assertThat(joined(fastest.json().get("normalized_alignment"))).as("level 4 turns the normaliser off").isEqualTo("Room 101");
        var level3 = server.postJson("/v1/text-to-speech/" + voiceId + "/with-timestamps?optimize_streaming_latency=3",
                Map.of("text", "Room 101"));
        assertThat(joined(level3.json().get("normalized_alignment"))).isNotEqualTo("Room 101");
    }

    @Test
    void stream_sends_the_same_audio_as_convert() {
        String path = "/v1/text-to-speech/" + voiceId + "%s?output_format=%s";
        for (String format : new String[] {"pcm_16000", "mp3_44100_128", "ulaw_8000", "opus_48000_64"}) {
            var whole = server.postJson(path.formatted("", format), Map.of("text", "Streaming is the same audio.", "seed", 3));
            var streamed = server.postJson(path.formatted("/stream", format), Map.of("text", "Streaming is the same audio.", "seed", 3));
            assertThat(streamed.status()).isEqualTo(200);
            assertThat(streamed.header("content-type")).isEqualTo(whole.header("content-type"));
            assertThat(streamed.header("request-id")).isNotBlank();
            if (!format.startsWith("opus")) assertThat(streamed.body()).as(format).isEqualTo(whole.body());
        }
    }

    @Test
    void the_timestamp_stream_is_one_json_object_per_line_covering_the_text() {
        String text = "First sentence here. And a second one follows.";
        var r = server.postJson("/v1/text-to-speech/" + voiceId + "/stream/with-timestamps?output_format=pcm_16000", Map.of("text", text));
        assertThat(r.status()).isEqualTo(200);
        String body = new String(r.body(), StandardCharsets.UTF_8);
        assertThat(body).endsWith("\n");
        String[] lines = body.split("\n");
        assertThat(lines.length).isGreaterThan(1);
        ByteArrayOutputStream audio = new ByteArrayOutputStream();
        StringBuilder chars = new StringBuilder(), normalized = new StringBuilder();
        double lastEnd = 0;
        for (String line : lines) {
            JsonNode chunk = readJson(line);
            audio.writeBytes(Base64.getDecoder().decode(chunk.get("audio_base64").asText()));
            if (!chunk.path("alignment").isNull() && chunk.has("alignment")) {
                chars.append(joined(chunk.get("alignment")));
                JsonNode starts = chunk.get("alignment").get("character_start_times_seconds");
                assertThat(starts.get(0).asDouble()).isGreaterThanOrEqualTo(lastEnd - 1e-9);
                JsonNode ends = chunk.get("alignment").get("character_end_times_seconds");
                lastEnd = ends.get(ends.size() - 1).asDouble();
            }
            if (chunk.hasNonNull("normalized_alignment")) normalized.append(joined(chunk.get("normalized_alignment")));
        }
        assertThat(chars.toString()).isEqualTo(text);
        assertThat(normalized.toString()).isEqualTo(text);
        assertThat(lastEnd).isCloseTo(audio.size() / 2.0 / 16000, within(0.01));
    }

    @Test
    void same_seed_same_bytes() {
        Map<String, Object> body = Map.of("text", "Seeds make it repeatable.", "seed", 42,
                "voice_settings", Map.of("stability", 0.1, "style", 0.4));
        var a = server.postJson("/v1/text-to-speech/" + voiceId, body);
        var b = server.postJson("/v1/text-to-speech/" + voiceId, body);
        assertThat(a.body()).isEqualTo(b.body());
    }

    static JsonNode readJson(String line) {
        try {
            return Json.MAPPER.readTree(line);
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + line, e);
        }
    }

    static String joined(JsonNode alignment) {
        StringBuilder s = new StringBuilder();
        alignment.get("characters").forEach(c -> s.append(c.asText()));
        return s.toString();
    }

    static void assertAligned(JsonNode alignment, String text, double seconds) {
        assertThat(joined(alignment)).isEqualTo(text);
        JsonNode starts = alignment.get("character_start_times_seconds"), ends = alignment.get("character_end_times_seconds");
        assertThat(starts.size()).isEqualTo(text.length());
        for (int i = 0; i < text.length(); i++) {
            assertThat(ends.get(i).asDouble()).isGreaterThanOrEqualTo(starts.get(i).asDouble());
            if (i > 0) assertThat(starts.get(i).asDouble()).isGreaterThanOrEqualTo(ends.get(i - 1).asDouble() - 1e-9);
        }
        assertThat(ends.get(text.length() - 1).asDouble()).isCloseTo(seconds, within(0.002));
    }
}
