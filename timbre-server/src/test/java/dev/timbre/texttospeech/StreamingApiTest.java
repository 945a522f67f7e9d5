package dev.timbre.texttospeech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.timbre.config.TimbreConfig;
import dev.timbre.testing.TestServer;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Real streaming on MaryTTS: audio leaves before the synthesis ends, and a client that leaves cancels it. */
@Tag("integration")
class StreamingApiTest {
    static final String LONG = "This is the first sentence of a long text. "
            + "Every further sentence takes the engine a little more time to render. ".repeat(10);
    static TestServer server;
    static String voiceId;

    @BeforeAll
    static void start() {
        server = TestServer.start(c -> c.withEngines(new TimbreConfig.Engines("marytts")));
        voiceId = server.firstVoiceId();
    }

    @AfterAll
    static void stop() { server.close(); }

    @Test
    void the_first_audio_arrives_before_the_synthesis_ends_and_leaving_cancels_it() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest request = server.builder("/v1/text-to-speech/" + voiceId + "/stream?output_format=mp3_44100_128")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(dev.timbre.http.Json.write(Map.of("text", LONG)))).build();
        HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        String itemId = response.headers().firstValue("history-item-id").orElseThrow();
        try (InputStream body = response.body()) {
            byte[] first = body.readNBytes(1024);
            assertThat(first).hasSize(1024);
            assertThat((first[0] & 0xff) == 0xff || new String(first, 0, 3).equals("ID3")).as("MP3 from the first byte").isTrue();
            // The synthesis of ~10 sentences (about 3 s of work) is far from done: no history item exists yet.
            assertThat(server.get("/v1/history/" + itemId).status()).isEqualTo(404);
        }
        // The client left after 1 KiB: the run is closed before its last chunk (history is written only after the
        // last one), so once no run is open no history item can appear.
        await().atMost(Duration.ofSeconds(10)).until(() -> server.timbre().services().speech().running() == 0);
        assertThat(server.get("/v1/history/" + itemId).status()).isEqualTo(404);
    }

    @Test
    void a_complete_stream_is_stored_in_history() {
        var r = server.postJson("/v1/text-to-speech/" + voiceId + "/stream", Map.of("text", "Short and complete."));
        assertThat(r.status()).isEqualTo(200);
        var item = server.get("/v1/history/" + r.header("history-item-id"));
        assertThat(item.status()).isEqualTo(200);
        assertThat(server.get("/v1/history/" + r.header("history-item-id") + "/audio").body()).isEqualTo(r.body());
    }
}
