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

/**
 * {@code kill -9} of the server in the middle of dubbing work, then a restart on the same data: the dub's durable job
 * finishes the dub; a dubbing-resource {@code dub} edit's durable job finishes the edit (every segment dubbed, none
 * stale), counted to its total.
 */
@Tag("integration")
class DubbingCrashTest {
    private static final String KEY = "dub-crash-key";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** Fake engines, no SIP, 1 s job heartbeats: a killed server's job is taken over by its restart within seconds. */
    private static final Map<String, String> ENV = Map.of("TIMBRE_API_KEY", KEY, "TIMBRE_TTS_ENGINE", "fake",
            "TIMBRE_EXTRA_TTS_ENGINES", "none", "TIMBRE_STT_ENGINE", "fake", "TIMBRE_SIP_PORT", "off", "TIMBRE_JOB_HEARTBEAT_SECONDS", "1");

    @TempDir
    Path tmp;

    @Test
    void aDubCutByKillNineFinishesAfterTheRestart() throws Exception {
        Path data = tmp.resolve("data"), log = log("dubbing-crash-server.log");
        String id;
        ServerProcess first = ServerProcess.start(data, ENV, log, Duration.ofSeconds(120));
        try {
            id = create(first, false);
            Thread.sleep(700); // into the pipeline
        } finally {
            first.kill();
        }
        ServerProcess second = ServerProcess.start(data, ENV, log, Duration.ofSeconds(120));
        try {
            JsonNode d = null;
            for (int i = 0; i < 600; i++) {
                d = get(second, "/v1/dubbing/" + id);
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

    @Test
    void aDubEditCutByKillNineFinishesAfterTheRestart() throws Exception {
        Path data = tmp.resolve("data"), log = log("dubbing-edit-crash-server.log");
        String id;
        int version;
        ServerProcess first = ServerProcess.start(data, ENV, log, Duration.ofSeconds(120));
        try {
            id = create(first, true);
            for (int i = 0; i < 600 && get(first, "/v1/dubbing/" + id).path("status").asText().equals("dubbing"); i++) Thread.sleep(200);
            assertThat(get(first, "/v1/dubbing/" + id).path("status").asText()).isEqualTo("dubbed");
            HttpResponse<String> queued = HTTP.send(HttpRequest.newBuilder(URI.create(first.url("/v1/dubbing/resource/" + id + "/dub")))
                    .header("xi-api-key", KEY).header("content-type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"segments\":[]}")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(queued.statusCode()).as(queued.body()).isEqualTo(200);
            version = Json.MAPPER.readTree(queued.body()).path("version").asInt();
            for (int i = 0; i < 500; i++) { // into the edit's work
                JsonNode e = edit(first, id, version);
                if (e != null && (e.path("done").asInt() > 0 || e.path("status").asText().equals("complete"))) break;
                Thread.sleep(10);
            }
        } finally {
            first.kill();
        }
        ServerProcess second = ServerProcess.start(data, ENV, log, Duration.ofSeconds(120));
        try {
            JsonNode e = null;
            for (int i = 0; i < 600; i++) {
                e = edit(second, id, version);
                if (e != null && !e.path("status").asText().matches("queued|processing")) break;
                Thread.sleep(200);
            }
            assertThat(e.path("status").asText()).as(String.valueOf(e)).isEqualTo("complete");
            assertThat(e.path("done").asInt()).isEqualTo(e.path("total").asInt()).isPositive();
            for (JsonNode s : get(second, "/v1/dubbing/resource/" + id).path("speaker_segments")) {
                assertThat(s.path("dubs").path("en").path("audio_stale").asBoolean()).as(s.toString()).isFalse();
            }
        } finally {
            second.stop();
        }
    }

    private static Path log(String name) throws java.io.IOException {
        return Files.createDirectories(Path.of("target")).resolve(name);
    }

    /** Starts dubbing 40 s of speech from English into English ({@code studio}: editable as a resource); its id. */
    private static String create(ServerProcess server, boolean studio) throws Exception {
        Multipart form = new Multipart().file("file", "words.wav", "audio/wav", DubbingApiTest.wav(40)).field("target_lang", "en")
                .field("source_lang", "en");
        if (studio) form.field("dubbing_studio", "true");
        HttpResponse<String> created = HTTP.send(HttpRequest.newBuilder(URI.create(server.url("/v1/dubbing"))).header("xi-api-key", KEY)
                .header("content-type", form.contentType()).POST(HttpRequest.BodyPublishers.ofByteArray(form.bytes())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
        return Json.MAPPER.readTree(created.body()).path("dubbing_id").asText();
    }

    private static JsonNode edit(ServerProcess server, String id, int version) throws Exception {
        for (JsonNode e : get(server, "/v1/dubbing/resource/" + id).path("edits")) if (e.path("version").asInt() == version) return e;
        return null;
    }

    private static JsonNode get(ServerProcess server, String path) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(server.url(path))).header("xi-api-key", KEY).build(),
                HttpResponse.BodyHandlers.ofString());
        return Json.MAPPER.readTree(r.body());
    }
}
