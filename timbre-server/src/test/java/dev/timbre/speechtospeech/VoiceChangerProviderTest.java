package dev.timbre.speechtospeech;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.timbre.audio.PcmFormat;
import dev.timbre.audio.Wav;
import dev.timbre.testing.Multipart;
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
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code TIMBRE_VOICE_CHANGER_URL}: a server started with it forwards speech-to-speech requests (multipart, key,
 * query) to a fake ElevenLabs-shaped voice changer and returns its audio; the provider's 4xx is passed on.
 */
@Tag("integration")
class VoiceChangerProviderTest {
    static final String KEY = "provider-test-key";

    @Test
    void requests_are_forwarded_to_the_configured_voice_changer(@TempDir Path tmp) throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        byte[] audio = "ID3-fake-mp3-audio".getBytes(StandardCharsets.UTF_8);
        HttpServer fake = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        fake.createContext("/", ex -> {
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.ISO_8859_1);
            seen.add(ex.getRequestURI() + " key=" + ex.getRequestHeaders().getFirst("xi-api-key") + " body=" + body);
            boolean known = ex.getRequestURI().getPath().contains("/v1/speech-to-speech/remote_voice");
            byte[] out = known ? audio : "{\"detail\":{\"status\":\"voice_not_found\",\"message\":\"no\"}}".getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", known ? "audio/mpeg" : "application/json");
            ex.sendResponseHeaders(known ? 200 : 404, out.length);
            ex.getResponseBody().write(out);
            ex.close();
        });
        fake.start();
        Map<String, String> env = Map.of("TIMBRE_API_KEY", KEY, "TIMBRE_TTS_ENGINE", "fake", "TIMBRE_EXTRA_TTS_ENGINES", "none",
                "TIMBRE_STT_ENGINE", "fake", "TIMBRE_VOICE_CHANGER_URL", "http://127.0.0.1:" + fake.getAddress().getPort() + "/",
                "TIMBRE_VOICE_CHANGER_API_KEY", "upstream-secret");
        Path log = Files.createDirectories(Path.of("target")).resolve("voice-changer-provider-server.log");
        HttpClient http = HttpClient.newHttpClient();
        try (ServerProcess server = ServerProcess.start(tmp.resolve("data"), env, log, Duration.ofSeconds(90))) {
            Multipart form = new Multipart().file("audio", "s.wav", "audio/wav", Wav.wrap(new byte[3200], new PcmFormat(16000)))
                    .field("model_id", "eleven_multilingual_sts_v2").field("seed", "5");
            for (String path : List.of("/v1/speech-to-speech/remote_voice?output_format=mp3_22050_32", "/v1/speech-to-speech/remote_voice/stream")) {
                HttpResponse<byte[]> r = http.send(post(server.url(path), form), HttpResponse.BodyHandlers.ofByteArray());
                assertThat(r.statusCode()).as(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo(200);
                assertThat(r.body()).isEqualTo(audio);
                assertThat(r.headers().firstValue("content-type").orElse("")).startsWith("audio/mpeg");
            }
            assertThat(seen.get(0)).startsWith("/v1/speech-to-speech/remote_voice?output_format=mp3_22050_32")
                    .contains("key=upstream-secret", "name=\"model_id\"", "eleven_multilingual_sts_v2", "name=\"seed\"", "name=\"audio\"", "RIFF");
            assertThat(seen.get(1)).startsWith("/v1/speech-to-speech/remote_voice/stream?output_format=mp3_44100_128");

            HttpResponse<String> missing = http.send(post(server.url("/v1/speech-to-speech/other"), form), HttpResponse.BodyHandlers.ofString());
            assertThat(missing.statusCode()).isEqualTo(404);
            assertThat(missing.body()).contains("voice_changer_refused");
        } finally {
            fake.stop(0);
        }
    }

    private static HttpRequest post(String url, Multipart form) {
        return HttpRequest.newBuilder(URI.create(url)).header("xi-api-key", KEY).header("Content-Type", form.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(form.bytes())).build();
    }
}
