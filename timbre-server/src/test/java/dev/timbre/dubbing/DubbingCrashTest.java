package dev.timbre.dubbing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timbre.http.Json;
import dev.timbre.testing.Multipart;
import dev.timbre.testing.ServerProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kill -9} of the server in the middle of a dub: after the restart the dub's durable job finishes it. */
@Tag("integration")
class DubbingCrashTest {
    private static final String KEY = "dub-crash-key";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path tmp;

    @Test
    void aDubCutByKillNineFinishesAfterTheRestart() throws Exception {
        Path data = tmp.resolve("data"), log = Files.createDirectories(Path.of("target")).resolve("dubbing-crash-server.log");
        Map<String, String> env = Map.of("TIMBRE_API_KEY", KEY, "TIMBRE_TTS_ENGINE", "fake", "TIMBRE_EXTRA_TTS_ENGINES", "none",
                "TIMBRE_STT_ENGINE", "fake", "TIMBRE_SIP_PORT", "off", "TIMBRE_JOB_HEARTBEAT_SECONDS", "1");
        String id;
        ServerProcess first = ServerProcess.start(data, env, log, Duration.ofSeconds(120));
        try {
            Multipart form = new Multipart().file("file", "words.wav", "audio/wav", DubbingApiTest.wav(40)).field("target_lang", "en")
                    .field("source_lang", "en");
            HttpResponse<String> created = HTTP.send(HttpRequest.newBuilder(URI.create(first.url("/v1/dubbing"))).header("xi-api-key", KEY)
                    .header("content-type", form.contentType()).POST(HttpRequest.BodyPublishers.ofByteArray(form.bytes())).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
            id = Json.MAPPER.readTree(created.body()).path("dubbing_id").asText();
            Thread.sleep(700); // into the pipeline
        } finally {
            first.kill();
        }
        ServerProcess second = ServerProcess.start(data, env, log, Duration.ofSeconds(120));
        try {
            JsonNode d = null;
            for (int i = 0; i < 600; i++) {
                HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(second.url("/v1/dubbing/" + id))).header("xi-api-key", KEY).build(),
                        HttpResponse.BodyHandlers.ofString());
                d = Json.MAPPER.readTree(r.body());
                if (!d.path("status").asText().equals("dubbing")) break;
                Thread.sleep(200);
            }
            assertThat(d.path("status").asText()).as(d.toString()).isEqualTo("dubbed");
            HttpResponse<byte[]> audio = HTTP.send(HttpRequest.newBuilder(URI.create(second.url("/v1/dubbing/" + id + "/audio/en")))
                    .header("xi-api-key", KEY).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(audio.statusCode()).isEqualTo(200);
            assertThat(audio.body().length).isGreaterThan(10_000);
        } finally {
            second.stop();
        }
    }
}
