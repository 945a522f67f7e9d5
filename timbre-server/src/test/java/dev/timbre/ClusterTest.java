package dev.timbre;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timbre.http.Json;
import dev.timbre.storage.S3ProxyServer;
import dev.timbre.testing.ServerProcess;
import dev.timbre.testing.TestDatabases;
import dev.timbre.testing.TestSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two Timbre nodes (separate JVMs, each its own data folder) on one PostgreSQL database and one S3-compatible store
 * (S3Proxy), as a cluster behind a load balancer runs: what one node writes, the other serves; a URL one node signed
 * opens a conversation on the other, once; a voice call on one node has its audio served by the other while it runs
 * and after it ends; a node told to stop (SIGTERM) turns away new conversations and finishes
 * the one it holds.
 */
@Tag("integration")
class ClusterTest {
    private static final String KEY = "cluster-admin-key";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    @TempDir
    static Path tmp;
    static S3ProxyServer s3;
    static ServerProcess a, b;
    static Map<String, String> env;

    @BeforeAll
    static void start() throws Exception {
        String db = "cluster_" + dev.timbre.common.Ids.random(10).toLowerCase();
        try (var c = DriverManager.getConnection(TestDatabases.PG_URL, TestDatabases.PG_USER, null)) {
            c.createStatement().execute("CREATE DATABASE " + db);
        } catch (java.sql.SQLException e) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) throw e;
            org.junit.jupiter.api.Assumptions.abort("PostgreSQL not reachable: " + e.getMessage());
        }
        s3 = S3ProxyServer.start(tmp);
        var bucket = s3.settings("cluster");
        env = new HashMap<>(Map.of("TIMBRE_API_KEY", KEY, "TIMBRE_TTS_ENGINE", "fake", "TIMBRE_EXTRA_TTS_ENGINES", "none",
                "TIMBRE_STT_ENGINE", "fake", "TIMBRE_SECRET_KEY", "Y2x1c3Rlci10ZXN0LWtleS1vZi0zMi1ieXRlcyEhISE=",
                "TIMBRE_DATABASE_URL", TestDatabases.PG_URL.replaceAll("/[^/]*$", "/" + db), "TIMBRE_DATABASE_USER", TestDatabases.PG_USER,
                "TIMBRE_BLOB_STORE", "s3", "TIMBRE_S3_ENDPOINT", bucket.endpoint(), "TIMBRE_S3_BUCKET", bucket.bucket()));
        env.putAll(Map.of("TIMBRE_S3_ACCESS_KEY", bucket.accessKey(), "TIMBRE_S3_SECRET_KEY", bucket.secretKey(),
                "TIMBRE_S3_PATH_STYLE", "true", "TIMBRE_SIP_PORT", "off", "TIMBRE_DRAIN_SECONDS", "60"));
        Path logs = Files.createDirectories(Path.of("target"));
        a = ServerProcess.start(tmp.resolve("node-a"), env, logs.resolve("cluster-node-a.log"), Duration.ofSeconds(120));
        b = ServerProcess.start(tmp.resolve("node-b"), env, logs.resolve("cluster-node-b.log"), Duration.ofSeconds(120));
    }

    @AfterAll
    static void stop() throws Exception {
        if (a != null) a.kill();
        if (b != null) b.kill();
        if (s3 != null) s3.close();
    }

    static HttpResponse<byte[]> send(ServerProcess node, String method, String path, String json) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(node.url(path))).header("xi-api-key", KEY);
        r = json == null ? r.method(method, HttpRequest.BodyPublishers.noBody())
                : r.header("content-type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        return HTTP.send(r.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static JsonNode json(HttpResponse<byte[]> r) throws Exception {
        assertThat(r.statusCode()).as(new String(r.body())).isBetween(200, 299);
        return Json.MAPPER.readTree(r.body());
    }

    static String agent(ServerProcess node, String firstMessage) throws Exception {
        return json(send(node, "POST", "/v1/convai/agents/create", "{\"name\":\"Cluster\",\"conversation_config\":{\"agent\":"
                + "{\"first_message\":\"" + firstMessage + "\",\"prompt\":{\"prompt\":\"Be brief.\"}}},\"platform_settings\":"
                + "{\"auth\":{\"enable_auth\":true}}}")).path("agent_id").asText();
    }

    @Test
    void whatOneNodeWritesTheOtherServes() throws Exception {
        String agentId = agent(a, "Hello from the cluster");
        assertThat(json(send(b, "GET", "/v1/convai/agents/" + agentId, null)).path("name").asText()).isEqualTo("Cluster");
        json(send(b, "PATCH", "/v1/convai/agents/" + agentId, "{\"name\":\"Renamed on B\"}"));
        assertThat(json(send(a, "GET", "/v1/convai/agents/" + agentId, null)).path("name").asText()).isEqualTo("Renamed on B");

        String voice = json(send(a, "GET", "/v1/voices", null)).path("voices").get(0).path("voice_id").asText();
        HttpResponse<byte[]> speech = send(a, "POST", "/v1/text-to-speech/" + voice, "{\"text\":\"Written by node A.\"}");
        assertThat(speech.statusCode()).isEqualTo(200);
        String item = speech.headers().firstValue("history-item-id").orElseThrow();
        HttpResponse<byte[]> audio = send(b, "GET", "/v1/history/" + item + "/audio", null);
        assertThat(audio.statusCode()).isEqualTo(200);
        assertThat(audio.body()).isEqualTo(speech.body());

        json(send(a, "POST", "/v1/convai/secrets", "{\"type\":\"new\",\"name\":\"cluster_token\",\"value\":\"s3cr3t\"}"));
        assertThat(json(send(b, "GET", "/v1/convai/secrets", null)).path("secrets").toString()).contains("cluster_token");
    }

    @Test
    void aUrlSignedOnOneNodeOpensAConversationOnTheOtherOnce() throws Exception {
        String agentId = agent(a, "Signed hello");
        String url = json(send(a, "GET", "/v1/convai/conversation/get-signed-url?agent_id=" + agentId + "&include_conversation_id=true", null))
                .path("signed_url").asText();
        String pathAndQuery = url.substring(url.indexOf("/v1/"));
        try (TestSocket c = b.conversation(pathAndQuery)) {
            String id = ServerProcess.started(c);
            assertThat(id).startsWith("conv_");
        }
        try (TestSocket again = a.conversation(pathAndQuery)) {
            JsonNode m = again.nextMessage();
            assertThat(m.toString()).contains("already used");
        }
    }

    /** Seconds of MP3 audio {@code node} serves for the conversation, or -1 while it has none (404). */
    static double audioSeconds(ServerProcess node, String id) throws Exception {
        HttpResponse<byte[]> r = send(node, "GET", "/v1/convai/conversations/" + id + "/audio", null);
        if (r.statusCode() == 404) return -1;
        assertThat(r.statusCode()).as(new String(r.body())).isEqualTo(200);
        assertThat(r.headers().firstValue("content-type").orElse("")).startsWith("audio/mpeg");
        var decoded = dev.timbre.audio.AudioDecoder.mp3(r.body());
        return decoded.pcm().length / 2.0 / decoded.format().sampleRate();
    }

    @Test
    void aRunningCallsAudioIsServedByTheOtherNodeWhileItRunsAndAfter() throws Exception {
        String agentId = agent(a, "Recorded on node A");
        String url = json(send(a, "GET", "/v1/convai/conversation/get-signed-url?agent_id=" + agentId, null)).path("signed_url").asText();
        byte[] faint = new byte[6400]; // 200 ms of pcm_16000 noise too faint to be speech
        java.util.Random random = new java.util.Random(3);
        for (int i = 0; i < faint.length; i += 2) faint[i] = (byte) (random.nextInt(5) - 2);
        String chunk = "{\"user_audio_chunk\":\"" + java.util.Base64.getEncoder().encodeToString(faint) + "\"}";
        String id;
        double live = -1;
        long started;
        try (TestSocket call = a.conversation(url.substring(url.indexOf("/v1/")))) {
            id = ServerProcess.started(call);
            started = System.nanoTime();
            for (int i = 0; i < 150 && live <= 0; i++) { // the user's microphone at real time; the first part after ~5 s
                call.send(chunk);
                Thread.sleep(200);
                if (i >= 25 && i % 5 == 0) live = audioSeconds(b, id);
            }
            assertThat(live).as("node B serves the running call's audio").isGreaterThan(0);
            assertThat(json(send(b, "GET", "/v1/convai/conversations/" + id, null)).path("status").asText()).isEqualTo("in-progress");
        }
        double wall = (System.nanoTime() - started) / 1e9;
        double after = -1;
        for (int i = 0; i < 100; i++) {
            JsonNode c = json(send(b, "GET", "/v1/convai/conversations/" + id, null));
            if (c.path("has_audio").asBoolean()) {
                after = audioSeconds(b, id);
                break;
            }
            Thread.sleep(100);
        }
        System.out.printf("live audio %.1f s during the call; %.1f s stored after a %.1f s call%n", live, after, wall);
        assertThat(after).as("the whole call, stored when it ended").isGreaterThan(live).isGreaterThan(wall * 0.8);
    }

    @Test
    void aDrainingNodeTurnsAwayNewConversationsAndFinishesItsOwn() throws Exception {
        String agentId = agent(a, "Draining hello");
        ServerProcess c = ServerProcess.start(tmp.resolve("node-c"), env, Path.of("target").resolve("cluster-node-c.log"), Duration.ofSeconds(120));
        String url = json(send(c, "GET", "/v1/convai/conversation/get-signed-url?agent_id=" + agentId, null)).path("signed_url").asText();
        try (TestSocket held = c.conversation(url.substring(url.indexOf("/v1/")))) {
            String id = ServerProcess.started(held);
            c.signalStop(); // SIGTERM, as an orchestrator sends it
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            int ready = 200;
            while (ready != 503 && System.nanoTime() < deadline) {
                ready = HTTP.send(HttpRequest.newBuilder(URI.create(c.url("/health/ready"))).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            }
            assertThat(ready).as("readiness while draining").isEqualTo(503);
            String another = json(send(a, "GET", "/v1/convai/conversation/get-signed-url?agent_id=" + agentId, null)).path("signed_url").asText();
            try (TestSocket refused = c.conversation(another.substring(another.indexOf("/v1/")))) {
                assertThat(refused.nextMessage().toString()).contains("shutting down");
            }
            held.send("{\"type\":\"user_message\",\"text\":\"Still there?\"}");
            held.messagesUntil(m -> m.path("type").asText().equals("agent_response"));
            assertThat(c.alive()).as("the node waits for its conversation").isTrue();
            held.close();
            assertThat(c.awaitExit(Duration.ofSeconds(30))).as("the node stops once its conversation ended").isTrue();
            assertThat(json(send(b, "GET", "/v1/convai/conversations/" + id, null)).path("status").asText()).isIn("done", "processing");
        } finally {
            c.kill();
        }
    }
}
