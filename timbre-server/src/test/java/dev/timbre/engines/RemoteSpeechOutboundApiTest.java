package dev.timbre.engines;

import dev.timbre.config.RemoteTextToSpeech;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timbre.config.TimbreConfig;
import dev.timbre.engine.remote.FakeSpeechServer;
import dev.timbre.testing.TestServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The remote TTS provider goes through the outbound policy: with no operator allow list, only the configured server
 * (its host and port) is reachable besides public addresses, so a redirect to another local service is refused.
 */
@Tag("integration")
class RemoteSpeechOutboundApiTest {
    static FakeSpeechServer remote;
    static FakeSpeechServer elsewhere;
    static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        remote = new FakeSpeechServer();
        elsewhere = new FakeSpeechServer();
        server = TestServer.start(c -> c.withNetwork(new TimbreConfig.Network(List.of()))
                .withEngines(new TimbreConfig.Engines("fake", List.of("openai"), "fake", null,
                        RemoteTextToSpeech.none().withUrl(remote.url()))));
    }

    @AfterAll
    static void stop() {
        server.close();
        remote.close();
        elsewhere.close();
    }

    @Test
    void the_configured_server_is_reached_and_a_redirect_elsewhere_is_refused() {
        String id = null;
        for (JsonNode v : server.get("/v2/voices?page_size=100").json().get("voices")) {
            if (v.get("name").asText().equals("Bella")) id = v.get("voice_id").asText();
        }
        assertThat(id).as("voices listed by the configured server").isNotNull();

        TestServer.Response ok = server.postJson("/v1/text-to-speech/" + id + "?output_format=pcm_24000", Map.of("text", "hello"));
        assertThat(ok.status()).as(ok.toString()).isEqualTo(200);
        assertThat(ok.body().length).isEqualTo(FakeSpeechServer.speak("hello", 24_000).length);

        remote.redirect(elsewhere.url() + "/v1/audio/speech");
        TestServer.Response refused = server.postJson("/v1/text-to-speech/" + id, Map.of("text", "hello"));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(503);
        assertThat(elsewhere.requests).as("nothing reached the other address").isEmpty();
    }
}
