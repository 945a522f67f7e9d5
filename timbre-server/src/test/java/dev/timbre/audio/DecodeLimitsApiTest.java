package dev.timbre.audio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.timbre.testing.Multipart;
import dev.timbre.testing.TestServer;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The audit's upload against a started server: a clear 413 in ElevenLabs' shape, at once, and the server still answers. */
@Tag("integration")
class DecodeLimitsApiTest {
    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void tenMinutesOf192kHz8ChannelFlacIs413() {
        long frames = 600L * 192_000;
        byte[] flac = FlacWriter.constant(8, 192_000, frames, frames);
        long t0 = System.nanoTime();
        TestServer.Response r = server.postMultipart("/v1/speech-to-text", new Multipart().field("model_id", "scribe_v1")
                .file("file", "bomb.flac", "audio/flac", flac));
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(10));
        assertThat(r.status()).as(r.toString()).isEqualTo(413);
        assertThat(r.json().at("/detail/status").asText()).isEqualTo("file_too_large");
        assertThat(r.json().at("/detail/message").asText()).contains("decoded bytes");
        assertThat(server.get("/health").status()).isEqualTo(200);
    }
}
