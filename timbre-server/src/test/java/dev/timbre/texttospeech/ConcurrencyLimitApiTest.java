package dev.timbre.texttospeech;

import static org.assertj.core.api.Assertions.assertThat;

import dev.timbre.config.TimbreConfig;
import dev.timbre.http.Json;
import dev.timbre.testing.TestServer;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** With one synthesis slot and no queue, a second synthesis while one runs gets 429 with Retry-After. */
@Tag("integration")
class ConcurrencyLimitApiTest {
    static TestServer server;
    static String voiceId;

    @BeforeAll
    static void start() {
        server = TestServer.start(c -> c.withLimits(new TimbreConfig.Limits(2L * 1024 * 1024, 1024 * 1024, 1, 0)));
        voiceId = server.firstVoiceId();
    }

    @AfterAll
    static void stop() { server.close(); }

    @Test
    void a_second_synthesis_beyond_the_queue_is_429_and_the_slot_comes_back() throws Exception {
        // A long pcm stream the client does not read: the server blocks writing it, holding the only slot.
        String words = "word ".repeat(1900);
        HttpRequest hold = server.builder("/v1/text-to-speech/" + voiceId + "/stream?output_format=pcm_16000")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(Map.of("text", words)))).build();
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<InputStream> running = http.send(hold, HttpResponse.BodyHandlers.ofInputStream());
        assertThat(running.statusCode()).isEqualTo(200);

        var refused = server.postJson("/v1/text-to-speech/" + voiceId, Map.of("text", "Am I next?"));
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.header("retry-after")).isEqualTo("1");
        assertThat(refused.json().at("/detail/status").asText()).isEqualTo("too_many_concurrent_requests");

        running.body().close(); // the client leaves: the synthesis is cancelled and its slot is released
        int status = 0;
        for (int i = 0; i < 100 && status != 200; i++) {
            status = server.postJson("/v1/text-to-speech/" + voiceId, Map.of("text", "Now it is my turn.")).status();
            if (status != 200) Thread.sleep(100);
        }
        assertThat(status).isEqualTo(200);
    }
}
