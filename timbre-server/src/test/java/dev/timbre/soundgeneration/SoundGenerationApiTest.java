package dev.timbre.soundgeneration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.timbre.audio.OutputFormat;
import dev.timbre.audio.UploadDecoder;
import dev.timbre.audio.Wav;
import dev.timbre.http.ApiException;
import dev.timbre.testing.OpenApiContract;
import dev.timbre.testing.TestServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** {@code POST /v1/sound-generation}: audio of the asked length and format, 422s, and the provider path. */
@Tag("integration")
class SoundGenerationApiTest {
    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
    }

    @Test
    void pcmHasTheExactLength() {
        long before = server.get("/v1/user/subscription").json().get("character_count").asLong();
        TestServer.Response r = server.postJson("/v1/sound-generation?output_format=pcm_44100",
                Map.of("text", "Footsteps on a wooden floor", "duration_seconds", 2.5));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.body()).hasSize(2 * (int) Math.round(2.5 * 44100));
        assertThat(r.header("character-cost")).isEqualTo("100");
        assertThat(server.get("/v1/user/subscription").json().get("character_count").asLong()).isEqualTo(before + 100);
    }

    @Test
    void defaultIsMp3OfTheNaturalLength() {
        TestServer.Response r = server.postJson("/v1/sound-generation", Map.of("text", "A knock at the door"));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.header("Content-Type")).startsWith("audio/mpeg");
        OpenApiContract.assertConforms("POST", "/v1/sound-generation", r);
        Wav.Decoded d = new UploadDecoder().decode(r.body());
        assertThat(d.format().seconds(d.pcm().length)).isCloseTo(3.0, org.assertj.core.data.Offset.offset(0.1));
    }

    @Test
    void sameTextSameAudio() {
        Map<String, Object> body = Map.of("text", "rain on a tin roof", "duration_seconds", 1.0, "loop", true);
        byte[] a = server.postJson("/v1/sound-generation?output_format=pcm_16000", body).body();
        assertThat(server.postJson("/v1/sound-generation?output_format=pcm_16000", body).body()).isEqualTo(a);
    }

    @Test
    void badInputIs422() {
        assertThat(server.postJson("/v1/sound-generation", Map.of("text", " ")).status()).isEqualTo(422);
        assertThat(server.postJson("/v1/sound-generation", Map.of("loop", true)).status()).isEqualTo(422);
        TestServer.Response r = server.postJson("/v1/sound-generation", Map.of("text", "wind", "duration_seconds", 31));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.json().get("detail").get(0).get("loc").toString()).contains("duration_seconds");
        assertThat(server.postJson("/v1/sound-generation", Map.of("text", "wind", "prompt_influence", 2)).status()).isEqualTo(422);
        assertThat(server.postJson("/v1/sound-generation?output_format=wav_1", Map.of("text", "wind")).status()).isEqualTo(422);
    }

    @Test
    void aConfiguredProviderIsAskedInstead() throws Exception {
        HttpServer fake = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        AtomicReference<String> seen = new AtomicReference<>();
        fake.createContext("/v1/sound-generation", ex -> {
            seen.set(ex.getRequestURI().getQuery() + " " + ex.getRequestHeaders().getFirst("xi-api-key") + " "
                    + new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] audio = "FAKE-AUDIO".getBytes(StandardCharsets.US_ASCII);
            ex.sendResponseHeaders(200, audio.length);
            ex.getResponseBody().write(audio);
            ex.close();
        });
        fake.start();
        try {
            String url = "http://127.0.0.1:" + fake.getAddress().getPort();
            SoundGenerationService service = new SoundGenerationService(SoundEffectsProvider.fromEnv(
                    Map.of("TIMBRE_SOUND_EFFECTS_URL", url, "TIMBRE_SOUND_EFFECTS_API_KEY", "k1")));
            SoundGenerationService.Result r = service.generate(new SoundGenerationRequest("a dragon roars", false, 2.0, null, null, null),
                    OutputFormat.parse("pcm_16000").orElseThrow(), credits -> { });
            assertThat(new String(r.audio(), StandardCharsets.US_ASCII)).isEqualTo("FAKE-AUDIO");
            assertThat(seen.get()).startsWith("output_format=pcm_16000 k1 ").contains("\"text\":\"a dragon roars\"").contains("\"duration_seconds\":2.0");
            SoundGenerationService down = new SoundGenerationService(Optional.of(new SoundEffectsProvider(URI.create("http://127.0.0.1:1"), Optional.empty())));
            assertThatThrownBy(() -> down.generate(new SoundGenerationRequest("rain", null, null, null, null, null), OutputFormat.DEFAULT, credits -> { }))
                    .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(502));
        } finally {
            fake.stop(0);
        }
    }
}
