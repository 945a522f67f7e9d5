package dev.timbre.voices;

import static org.assertj.core.api.Assertions.assertThat;

import dev.timbre.audio.AudioDecoder;
import dev.timbre.testing.TestServer;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("integration")
class VoicePreviewsApiTest {
    static TestServer server;

    @BeforeAll
    static void start() { server = TestServer.start(); }

    @AfterAll
    static void stop() { server.close(); }

    @Test
    void premade_voices_have_a_public_mp3_preview() {
        var voice = server.get("/v1/voices").json().get("voices").get(0);
        String url = voice.get("preview_url").asText();
        assertThat(url).startsWith(server.url("/previews/")).endsWith(".mp3");
        assertThat(server.get("/v1/voices/" + voice.get("voice_id").asText()).json().get("preview_url").asText()).isEqualTo(url);
        assertThat(server.get("/v2/voices").json().get("voices").get(0).get("preview_url").asText()).startsWith("http://");

        String path = url.substring(server.url("").length());
        var noKey = server.send(HttpRequest.newBuilder(java.net.URI.create(url)).GET());
        assertThat(noKey.status()).isEqualTo(200);
        assertThat(noKey.header("content-type")).isEqualTo("audio/mpeg");
        var decoded = AudioDecoder.decode(noKey.body());
        assertThat(decoded.format().seconds(decoded.pcm().length)).isGreaterThan(1.0);
        assertThat(server.get(path).body()).as("kept, so the same bytes again").isEqualTo(noKey.body());
    }

    @Test
    void unknown_or_odd_preview_names_are_404() {
        assertThat(server.get("/previews/nope.mp3").status()).isEqualTo(404);
        assertThat(server.get("/previews/..%2Fadmin-api-key").status()).isEqualTo(404);
        assertThat(server.get("/previews/abc.wav").status()).isEqualTo(404);
    }
}
