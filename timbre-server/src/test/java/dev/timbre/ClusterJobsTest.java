package dev.timbre;

import static org.assertj.core.api.Assertions.assertThat;

import dev.timbre.dubbing.DubbingApiTest;
import dev.timbre.http.Json;
import dev.timbre.storage.S3ProxyServer;
import dev.timbre.testing.Multipart;
import dev.timbre.testing.ServerProcess;
import dev.timbre.testing.TestDatabases;
import dev.timbre.testing.TestSocket;
import dev.timbre.testing.WebhookReceiver;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} of a cluster node in the middle of a webhook transcription (the real recogniser, a minute of audio)
 * and right after a conversation it held ended (its post-call job pending or running): the other node takes both jobs
 * over (1 s heartbeats, 4 missed: within about 7 s) and each webhook arrives exactly once.
 */
@Tag("integration")
class ClusterJobsTest {
    private static final String KEY = "cluster-jobs-key";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    @TempDir
    Path tmp;

    @Test
    void aKilledNodesTranscriptionAndPostCallJobAreFinishedByTheOtherOnce() throws Exception {
        String db = "cluster_jobs_" + dev.timbre.common.Ids.random(8).toLowerCase();
        try (var c = DriverManager.getConnection(TestDatabases.PG_URL, TestDatabases.PG_USER, null)) {
            c.createStatement().execute("CREATE DATABASE " + db);
        } catch (java.sql.SQLException e) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) throw e;
            org.junit.jupiter.api.Assumptions.abort("PostgreSQL not reachable: " + e.getMessage());
        }
        WebhookReceiver receiver = WebhookReceiver.start();
        List<String> delivered = receiver.delivered();
        Path config = receiver.config(tmp.resolve("timbre.yaml"));
        try (S3ProxyServer s3 = S3ProxyServer.start(tmp)) {
            var bucket = s3.settings("jobs");
            Map<String, String> env = new HashMap<>(Map.of("TIMBRE_API_KEY", KEY, "TIMBRE_TTS_ENGINE", "fake", "TIMBRE_EXTRA_TTS_ENGINES", "none",
                    "TIMBRE_SECRET_KEY", "Y2x1c3Rlci1qb2JzLWtleS1vZi0zMi1ieXRlcyEhISE=", "TIMBRE_CONFIG", config.toString(),
                    "TIMBRE_DATABASE_URL", TestDatabases.PG_URL.replaceAll("/[^/]*$", "/" + db), "TIMBRE_DATABASE_USER", TestDatabases.PG_USER,
                    "TIMBRE_BLOB_STORE", "s3", "TIMBRE_S3_ENDPOINT", bucket.endpoint(), "TIMBRE_S3_BUCKET", bucket.bucket()));
            env.putAll(Map.of("TIMBRE_S3_ACCESS_KEY", bucket.accessKey(), "TIMBRE_S3_SECRET_KEY", bucket.secretKey(), "TIMBRE_S3_PATH_STYLE", "true",
                    "TIMBRE_SIP_PORT", "off", "TIMBRE_JOB_HEARTBEAT_SECONDS", "1", "TIMBRE_JOB_MISSED_HEARTBEATS", "4"));
            Path logs = Files.createDirectories(Path.of("target"));
            ServerProcess a = ServerProcess.start(tmp.resolve("a"), env, logs.resolve("cluster-jobs-a.log"), Duration.ofSeconds(120));
            ServerProcess b = ServerProcess.start(tmp.resolve("b"), env, logs.resolve("cluster-jobs-b.log"), Duration.ofSeconds(120));
            try {
                String agent = Json.MAPPER.readTree(send(a, "/v1/convai/agents/create", "application/json",
                        "{\"conversation_config\":{\"agent\":{\"first_message\":\"Hi\"}}}".getBytes()).body()).path("agent_id").asText();
                String conversation;
                try (TestSocket c = a.conversation("/v1/convai/conversation?agent_id=" + agent)) {
                    conversation = ServerProcess.started(c);
                    c.send("{\"type\":\"user_message\",\"text\":\"Thanks, goodbye.\"}");
                    c.messagesUntil(m -> m.path("type").asText().equals("agent_response"));
                }
                Multipart form = new Multipart().field("model_id", "scribe_v1").field("webhook", "true")
                        .file("file", "minute.wav", "audio/wav", DubbingApiTest.wav(60));
                HttpResponse<byte[]> stt = send(a, "/v1/speech-to-text", form.contentType(), form.bytes());
                assertThat(stt.statusCode()).as(new String(stt.body())).isLessThan(300);
                String transcription = Json.MAPPER.readTree(stt.body()).path("transcription_id").asText();
                Thread.sleep(1500); // node A is transcribing (and its post-call job pending, running or done)
                a.kill();
                long killed = System.nanoTime();

                List<String> expected = List.of("speech_to_text_transcription:" + transcription, "post_call_transcription:" + conversation);
                long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
                while (!delivered.containsAll(expected) && System.nanoTime() < deadline) Thread.sleep(100);
                System.out.printf("ClusterJobsTest: both webhooks delivered %.1f s after the kill%n", (System.nanoTime() - killed) / 1e9);
                Thread.sleep(3000); // a second delivery would come now
                for (String e : expected) assertThat(Collections.frequency(delivered, e)).as(e + " in " + delivered).isEqualTo(1);
            } finally {
                a.kill();
                b.kill();
                receiver.close();
            }
        }
    }

    static HttpResponse<byte[]> send(ServerProcess node, String path, String contentType, byte[] body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(node.url(path))).header("xi-api-key", KEY).header("content-type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
