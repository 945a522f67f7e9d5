package dev.timbre.texttodialogue;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timbre.audio.AudioDecoder;
import dev.timbre.http.Json;
import dev.timbre.testing.OpenApiContract;
import dev.timbre.testing.TestServer;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("integration")
class TextToDialogueApiTest {
    static final java.net.http.HttpClient HTTP = java.net.http.HttpClient.newHttpClient();
    static TestServer server;
    static String voiceA, voiceB;
    static final String LINE_A = "Knock knock.", LINE_B = "Who is there?", LINE_C = "Lettuce.";

    @BeforeAll
    static void start() {
        server = TestServer.start();
        JsonNode voices = server.get("/v1/voices").json().get("voices");
        voiceA = voices.get(0).get("voice_id").asText();
        voiceB = voices.get(1).get("voice_id").asText();
    }

    @AfterAll
    static void stop() { server.close(); }

    static Map<String, Object> script() {
        return Map.of("inputs", List.of(Map.of("text", LINE_A, "voice_id", voiceA), Map.of("text", LINE_B, "voice_id", voiceB),
                Map.of("text", LINE_C, "voice_id", voiceA)));
    }

    @Test
    void convert_returns_one_mp3_records_a_dialogue_item_and_charges_all_characters() {
        int before = server.get("/v1/user/subscription").json().get("character_count").asInt();
        var r = server.postJson("/v1/text-to-dialogue?output_format=mp3_44100_128", script());
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        OpenApiContract.assertConforms("POST", "/v1/text-to-dialogue", r);
        assertThat(r.header("content-type")).isEqualTo("audio/mpeg");
        var decoded = AudioDecoder.decode(r.body());
        assertThat(decoded.format().sampleRate()).isEqualTo(44100);
        // three lines of 2 + 3 + 1 words at 0.3 s each, plus two pauses
        assertThat(decoded.format().seconds(decoded.pcm().length)).isBetween(2.0, 2.8);
        int after = server.get("/v1/user/subscription").json().get("character_count").asInt();
        assertThat(after - before).isEqualTo((LINE_A + LINE_B + LINE_C).length());

        var item = server.get("/v1/history/" + r.header("history-item-id"));
        assertThat(item.status()).isEqualTo(200);
        assertThat(OpenApiContract.validate("SpeechHistoryItemResponseModel", item.json())).isEmpty();
        JsonNode dialogue = item.json().get("dialogue");
        assertThat(dialogue).hasSize(3);
        for (JsonNode line : dialogue) assertThat(OpenApiContract.validate("DialogueInputResponseModel", line)).isEmpty();
        assertThat(dialogue.get(1).get("text").asText()).isEqualTo(LINE_B);
        assertThat(dialogue.get(1).get("voice_id").asText()).isEqualTo(voiceB);
        assertThat(item.json().get("model_id").asText()).isEqualTo("eleven_v3");
        assertThat(item.json().get("source").asText()).isEqualTo("TTS");
        assertThat(server.get("/v1/history/" + r.header("history-item-id") + "/audio").body()).isEqualTo(r.body());
    }

    @Test
    void pcm_output_is_raw_samples_at_the_requested_rate() {
        var r = server.postJson("/v1/text-to-dialogue?output_format=pcm_22050", script());
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body().length % 2).isZero();
        double seconds = r.body().length / 2.0 / 22050;
        assertThat(seconds).isBetween(2.0, 2.5);
    }

    @Test
    void with_timestamps_aligns_the_concatenated_text_and_segments_each_input_in_order() {
        var r = server.postJson("/v1/text-to-dialogue/with-timestamps?output_format=pcm_16000", script());
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        JsonNode body = r.json();
        byte[] audio = Base64.getDecoder().decode(body.get("audio_base64").asText());
        double seconds = audio.length / 2.0 / 16000;
        assertThat(OpenApiContract.validate("CharacterAlignmentResponseModel", body.get("alignment"))).isEmpty();
        assertThat(OpenApiContract.validate("CharacterAlignmentResponseModel", body.get("normalized_alignment"))).isEmpty();
        assertThat(characters(body.get("alignment"))).isEqualTo(LINE_A + LINE_B + LINE_C);
        assertMonotone(body.get("alignment"));
        assertSegments(body.get("voice_segments"), seconds);
    }

    @Test
    void stream_sends_the_whole_dialogue_in_several_chunks() throws Exception {
        HttpResponse<java.io.InputStream> r = streamRequest("/v1/text-to-dialogue/stream?output_format=pcm_16000");
        assertThat(r.statusCode()).isEqualTo(200);
        int reads = 0, total = 0;
        byte[] buf = new byte[1 << 16];
        try (var in = r.body()) {
            for (int n; (n = in.read(buf)) > 0; reads++) total += n;
        }
        assertThat(reads).isGreaterThan(1);
        assertThat(total / 2.0 / 16000).isBetween(2.0, 2.5);
    }

    @Test
    void stream_with_timestamps_sends_newline_delimited_chunks_with_segments() throws Exception {
        HttpResponse<java.util.stream.Stream<String>> r = HTTP.send(jsonPost("/v1/text-to-dialogue/stream/with-timestamps?output_format=pcm_16000"),
                HttpResponse.BodyHandlers.ofLines());
        assertThat(r.statusCode()).isEqualTo(200);
        List<String> lines = r.body().filter(l -> !l.isBlank()).toList();
        assertThat(lines.size()).isGreaterThan(3);
        StringBuilder text = new StringBuilder();
        List<JsonNode> segments = new ArrayList<>();
        int bytes = 0;
        for (String line : lines) {
            JsonNode chunk = Json.MAPPER.readTree(line);
            assertThat(chunk.has("voice_segments")).isTrue();
            bytes += Base64.getDecoder().decode(chunk.get("audio_base64").asText()).length;
            if (!chunk.path("alignment").isNull() && chunk.has("alignment")) text.append(characters(chunk.get("alignment")));
            chunk.get("voice_segments").forEach(segments::add);
        }
        assertThat(text.toString()).isEqualTo(LINE_A + LINE_B + LINE_C);
        assertSegments(Json.MAPPER.valueToTree(segments), bytes / 2.0 / 16000);
    }

    @Test
    void bad_input_gets_elevenlabs_errors() {
        var missing = server.postJson("/v1/text-to-dialogue", Map.of("model_id", "eleven_v3"));
        assertThat(missing.status()).isEqualTo(422);
        OpenApiContract.assertConforms("POST", "/v1/text-to-dialogue", missing);
        assertThat(missing.json().at("/detail/0/loc/1").asText()).isEqualTo("inputs");
        assertThat(server.postJson("/v1/text-to-dialogue", Map.of("inputs", List.of())).status()).isEqualTo(422);
        assertThat(server.postJson("/v1/text-to-dialogue", Map.of("inputs", List.of(Map.of("voice_id", voiceA)))).status()).isEqualTo(422);
        assertThat(server.postJson("/v1/text-to-dialogue", Map.of("inputs", List.of(Map.of("text", " ", "voice_id", voiceA)))).status()).isEqualTo(422);
        var unknown = server.postJson("/v1/text-to-dialogue/stream", Map.of("inputs", List.of(Map.of("text", "Hi.", "voice_id", voiceA),
                Map.of("text", "Hi.", "voice_id", "nope"))));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().at("/detail/status").asText()).isEqualTo("voice_not_found");
        var tooLong = server.postJson("/v1/text-to-dialogue", Map.of("inputs", List.of(Map.of("text", "x".repeat(3000), "voice_id", voiceA),
                Map.of("text", "y".repeat(3000), "voice_id", voiceB))));
        assertThat(tooLong.status()).isEqualTo(422);
        assertThat(server.postJson("/v1/text-to-dialogue/with-timestamps?output_format=mp3_1_1", script()).status()).isEqualTo(422);
        assertThat(server.postJson("/v1/text-to-dialogue", Map.of("inputs", script().get("inputs"), "model_id", "scribe_v1")).status()).isEqualTo(400);
        assertThat(server.postJson("/v1/text-to-dialogue", Map.of("inputs", script().get("inputs"), "settings", Map.of("stability", 2))).status()).isEqualTo(422);
    }

    @Test
    void enable_logging_false_stores_no_history() {
        var r = server.postJson("/v1/text-to-dialogue?enable_logging=false", script());
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("history-item-id")).isNull();
    }

    private static void assertSegments(JsonNode segments, double seconds) {
        String[] lines = {LINE_A, LINE_B, LINE_C};
        String[] voices = {voiceA, voiceB, voiceA};
        assertThat(segments).hasSize(3);
        int chars = 0;
        double end = 0;
        for (int i = 0; i < 3; i++) {
            JsonNode s = segments.get(i);
            assertThat(s.get("dialogue_input_index").asInt()).isEqualTo(i);
            assertThat(s.get("voice_id").asText()).isEqualTo(voices[i]);
            assertThat(s.get("character_start_index").asInt()).isEqualTo(chars);
            chars += lines[i].length();
            assertThat(s.get("character_end_index").asInt()).isEqualTo(chars);
            assertThat(s.get("start_time_seconds").asDouble()).isGreaterThanOrEqualTo(end);
            end = s.get("end_time_seconds").asDouble();
            assertThat(end).isGreaterThan(s.get("start_time_seconds").asDouble());
        }
        assertThat(end).isCloseTo(seconds, org.assertj.core.data.Offset.offset(0.01));
    }

    private static String characters(JsonNode alignment) {
        StringBuilder sb = new StringBuilder();
        alignment.get("characters").forEach(c -> sb.append(c.asText()));
        return sb.toString();
    }

    private static void assertMonotone(JsonNode alignment) {
        double last = 0;
        for (int i = 0; i < alignment.get("characters").size(); i++) {
            double s = alignment.get("character_start_times_seconds").get(i).asDouble();
            double e = alignment.get("character_end_times_seconds").get(i).asDouble();
            assertThat(s).isGreaterThanOrEqualTo(last);
            assertThat(e).isGreaterThanOrEqualTo(s);
            last = s;
        }
    }

    private static HttpRequest jsonPost(String path) {
        return server.builder(path).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(Json.write(script()))).build();
    }

    private static HttpResponse<java.io.InputStream> streamRequest(String path) throws Exception {
        return HTTP.send(jsonPost(path), HttpResponse.BodyHandlers.ofInputStream());
    }
}
