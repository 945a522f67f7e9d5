package dev.timbre.texttospeech;

import static org.assertj.core.api.Assertions.assertThat;

import dev.timbre.http.Json;
import dev.timbre.testing.TestServer;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Every synthesis charges its characters exactly once, whole or streamed, complete or left early. */
@Tag("integration")
class CharacterChargingApiTest {
    static TestServer server;
    static String voiceId;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        voiceId = server.firstVoiceId();
    }

    @AfterAll
    static void stop() { server.close(); }

    static long used() {
        return server.get("/v1/user/subscription").json().get("character_count").asLong();
    }

    @Test
    void whole_and_streamed_requests_charge_their_text_once() {
        long before = used();
        assertThat(server.postJson("/v1/text-to-speech/" + voiceId, Map.of("text", "one two three")).status()).isEqualTo(200);
        assertThat(used()).isEqualTo(before + 13);
        assertThat(server.postJson("/v1/text-to-speech/" + voiceId + "/stream/with-timestamps", Map.of("text", "four five")).status())
                .isEqualTo(200);
        assertThat(used()).isEqualTo(before + 13 + 9);
        var dialogue = server.postJson("/v1/text-to-dialogue/stream",
                Map.of("inputs", List.of(Map.of("text", "six", "voice_id", voiceId), Map.of("text", "seven", "voice_id", voiceId))));
        assertThat(dialogue.status()).isEqualTo(200);
        assertThat(used()).isEqualTo(before + 13 + 9 + 8);
    }

    @Test
    void a_stream_left_early_was_charged_once_at_its_start() throws Exception {
        long before = used();
        String text = "word ".repeat(400).strip();
        HttpRequest request = server.builder("/v1/text-to-speech/" + voiceId + "/stream?output_format=pcm_16000")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(Map.of("text", text)))).build();
        HttpResponse<InputStream> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            assertThat(body.readNBytes(1000)).hasSize(1000);
        }
        assertThat(used()).isEqualTo(before + text.length());
        assertThat(server.postJson("/v1/text-to-speech/" + voiceId, Map.of("text", "after")).status()).isEqualTo(200);
        assertThat(used()).isEqualTo(before + text.length() + 5); // nothing more for the one left early
    }
}
