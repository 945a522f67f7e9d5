package dev.timbre.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.timbre.testing.TestServer;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Liveness and readiness as an orchestrator sees them, before and after the server starts draining; the autoscaling gauge. */
@Tag("integration")
class ProbesApiTest {
    static TestServer server;

    @BeforeAll
    static void start() { server = TestServer.start(); }

    @AfterAll
    static void stop() { server.close(); }

    @Test
    void readinessTurnsAwayOnDrainWhileLivenessStays() throws Exception {
        var live = server.send(server.builder("/health/live").header("xi-api-key", "").GET());
        assertThat(live.status()).isEqualTo(200);
        assertThat(live.json().path("status").asText()).isEqualTo("alive");
        assertThat(server.get("/health/ready").status()).isEqualTo(200);
        assertThat(server.get("/metrics").text()).contains("timbre_conversations_active 0.0").contains("timbre_synthesis_queue 0.0")
                .containsPattern("timbre_jobs_backlog \\d");

        String agent = server.postJson("/v1/convai/agents/create", "{\"conversation_config\":{}}").json().path("agent_id").asText();
        assertThat(server.get("/v1/convai/conversation/get-signed-url?agent_id=" + agent).status()).isEqualTo(200);

        assertThat(server.timbre().drain(Duration.ZERO)).isZero();
        var ready = server.get("/health/ready");
        assertThat(ready.status()).isEqualTo(503);
        assertThat(ready.json().path("status").asText()).isEqualTo("draining");
        assertThat(server.get("/health/live").status()).isEqualTo(200);
        var refused = server.get("/v1/convai/conversation/get-signed-url?agent_id=" + agent);
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.json().path("detail").path("status").asText()).isEqualTo("service_unavailable");
    }

    @Test
    void engineLatencyIsAHistogramPerEngine() throws Exception {
        var tts = server.postJson("/v1/text-to-speech/" + server.firstVoiceId() + "?output_format=mp3_44100_128", "{\"text\":\"Hello there.\"}");
        assertThat(tts.status()).as(tts.toString()).isEqualTo(200);
        String metrics = server.get("/metrics").text();
        assertThat(metrics).containsPattern("timbre_speech_first_audio_seconds_count\\{engine=\"[a-z0-9-]+\"} [1-9]")
                .containsPattern("timbre_speech_first_audio_seconds_bucket\\{engine=\"[a-z0-9-]+\",le=\"0\\.5\"}");
    }
}
