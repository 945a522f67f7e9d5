package dev.timbre.testing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timbre.Timbre;
import dev.timbre.config.TimbreConfig;
import dev.timbre.http.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * An in-process Timbre on a random port with fake engines, a temporary data dir and the embedded database, plus a
 * small HTTP client that sends the test key. One per test class; close it in {@code @AfterAll}.
 */
public final class TestServer implements AutoCloseable {
    public static final String KEY = "test-admin-key";

    private final Timbre timbre;
    private final Path dataDir;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private TestServer(Timbre timbre, Path dataDir) {
        this.timbre = timbre;
        this.dataDir = dataDir;
    }

    public static TestServer start() {
        return start(c -> c);
    }

    public static TestServer start(java.util.function.UnaryOperator<TimbreConfig> customise) {
        return start(customise, dev.timbre.config.SipSettings.OFF);
    }

    /** A server with SIP as {@code sip} says (on a free port the test picked). */
    public static TestServer start(java.util.function.UnaryOperator<TimbreConfig> customise, dev.timbre.config.SipSettings sip) {
        try {
            Path dir = Files.createTempDirectory("timbre-test");
            TimbreConfig config = TimbreConfig.defaults().withPort(0).withDataDir(dir).withApiKey(KEY)
                    .withEngines(new TimbreConfig.Engines("fake", java.util.List.of("auto"), "fake"))
                    // tests run their webhook, file and LLM servers on 127.0.0.1: the operator's allow list permits it
                    // (tests of the outbound policy itself set their own list or none)
                    .withNetwork(new TimbreConfig.Network(java.util.List.of("127.0.0.1")));
            Timbre timbre = Timbre.start(customise.apply(config), sip);
            timbre.engines().awaitReady(30_000);
            return new TestServer(timbre, dir);
        } catch (Exception e) {
            throw new IllegalStateException("test server did not start", e);
        }
    }

    public Timbre timbre() { return timbre; }

    public Path dataDir() { return dataDir; }

    public String url(String path) {
        return "http://127.0.0.1:" + timbre.port() + path;
    }

    public Response get(String path) {
        return send(builder(path).GET());
    }

    public Response delete(String path) {
        return send(builder(path).DELETE());
    }

    public Response postJson(String path, Object body) {
        String json = body instanceof String s ? s : Json.write(body);
        return send(builder(path).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Response patchJson(String path, String json) {
        return send(builder(path).header("Content-Type", "application/json").method("PATCH", HttpRequest.BodyPublishers.ofString(json)));
    }

    /** The id of the first voice {@code GET /v1/voices} lists (a premade voice of the fake engine). */
    public String firstVoiceId() {
        return get("/v1/voices").json().get("voices").get(0).get("voice_id").asText();
    }

    public Response post(String path, String contentType, byte[] body) {
        return send(builder(path).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    public Response postMultipart(String path, Multipart form) {
        return send(builder(path).header("Content-Type", form.contentType()).POST(HttpRequest.BodyPublishers.ofByteArray(form.bytes())));
    }

    /** A request builder for {@code path} that already carries the test key; add headers or remove the key as needed. */
    public HttpRequest.Builder builder(String path) {
        return HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(60)).header("xi-api-key", KEY);
    }

    public Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<byte[]> r = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Response(r.statusCode(), r.headers(), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        timbre.close();
    }

    public record Response(int status, HttpHeaders headers, byte[] body) {
        public String text() {
            return new String(body, java.nio.charset.StandardCharsets.UTF_8);
        }

        public JsonNode json() {
            try {
                return Json.MAPPER.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON (status " + status + "): " + text(), e);
            }
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        public Map<String, java.util.List<String>> allHeaders() {
            return headers.map();
        }

        @Override
        public String toString() {
            return "HTTP " + status + " " + (body.length < 2000 ? text() : body.length + " bytes");
        }
    }
}
