package dev.timbre.music;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.timbre.http.Json;
import dev.timbre.testing.ServerProcess;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** {@code TIMBRE_MUSIC_URL}: compose requests are checked, then forwarded to a (fake) ElevenLabs-shaped provider. */
@Tag("integration")
class MusicProviderApiTest {
    static final String KEY = "music-provider-test-key";
    static final byte[] SONG = "ID3-fake-song-bytes".getBytes(StandardCharsets.UTF_8);

    record Seen(String path, String query, String apiKey, JsonNode body) {}

    @Test
    void compose_requests_go_to_the_provider_and_its_answer_comes_back() throws Exception {
        List<Seen> seen = new CopyOnWriteArrayList<>();
        HttpServer provider = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        provider.createContext("/v1/music", ex -> {
            seen.add(new Seen(ex.getRequestURI().getPath(), ex.getRequestURI().getQuery(), ex.getRequestHeaders().getFirst("xi-api-key"),
                    Json.MAPPER.readTree(ex.getRequestBody().readAllBytes())));
            ex.getResponseHeaders().add("content-type", "audio/mpeg");
            ex.getResponseHeaders().add("song-id", "provider-song-1");
            ex.sendResponseHeaders(200, SONG.length);
            ex.getResponseBody().write(SONG);
            ex.close();
        });
        provider.start();
        Path tmp = Files.createTempDirectory("timbre-music-provider");
        Map<String, String> env = Map.of("TIMBRE_API_KEY", KEY, "TIMBRE_TTS_ENGINE", "fake", "TIMBRE_EXTRA_TTS_ENGINES", "none",
                "TIMBRE_STT_ENGINE", "fake", "TIMBRE_MUSIC_URL", "http://127.0.0.1:" + provider.getAddress().getPort() + "/",
                "TIMBRE_MUSIC_API_KEY", "sk_provider");
        try (ServerProcess server = ServerProcess.start(tmp.resolve("data"), env, tmp.resolve("server.log"), Duration.ofSeconds(90))) {
            HttpClient http = HttpClient.newHttpClient();
            for (String path : List.of("/v1/music", "/v1/music/stream", "/v1/music/detailed")) {
                HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(server.url(path + "?output_format=mp3_44100_64")))
                        .header("xi-api-key", KEY).header("content-type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"prompt\":\"sea shanty\",\"music_length_ms\":15000}")).build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                assertThat(r.statusCode()).isEqualTo(200);
                assertThat(r.body()).isEqualTo(SONG);
                assertThat(r.headers().firstValue("song-id")).contains("provider-song-1");
                assertThat(r.headers().firstValue("content-type")).contains("audio/mpeg");
            }
            assertThat(seen).extracting(Seen::path).containsExactly("/v1/music", "/v1/music/stream", "/v1/music/detailed");
            for (Seen s : seen) {
                assertThat(s.query()).isEqualTo("output_format=mp3_44100_64");
                assertThat(s.apiKey()).isEqualTo("sk_provider");
                assertThat(s.body().get("prompt").asText()).isEqualTo("sea shanty");
                assertThat(s.body().get("music_length_ms").asInt()).isEqualTo(15_000);
                assertThat(s.body().has("composition_plan")).as("null fields are left out").isFalse();
            }
            // bad input is refused here, not forwarded
            HttpResponse<String> bad = http.send(HttpRequest.newBuilder(URI.create(server.url("/v1/music")))
                    .header("xi-api-key", KEY).header("content-type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"prompt\":\"x\",\"music_length_ms\":1}")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(bad.statusCode()).isEqualTo(422);
            assertThat(seen).hasSize(3);
        } finally {
            provider.stop(0);
        }
    }
}
