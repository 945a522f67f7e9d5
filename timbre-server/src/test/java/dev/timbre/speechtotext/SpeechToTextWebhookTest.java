package dev.timbre.speechtotext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.timbre.config.TimbreConfig;
import dev.timbre.http.Json;
import dev.timbre.jobs.Jobs;
import dev.timbre.jobs.Retries;
import dev.timbre.storage.FileSystemBlobStore;
import dev.timbre.testing.Multipart;
import dev.timbre.testing.OpenApiContract;
import dev.timbre.testing.TestJobs;
import dev.timbre.testing.TestServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** {@code webhook=true}: acknowledged at once, transcribed as a durable job, delivered signed; pending rows and left jobs run. */
@Tag("integration")
class SpeechToTextWebhookTest {
    static final String SECRET = "whsec_test";
    record Delivery(String signature, String body) {}

    static HttpServer receiver;
    static final LinkedBlockingQueue<Delivery> deliveries = new LinkedBlockingQueue<>();
    static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", ex -> {
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            deliveries.add(new Delivery(ex.getRequestHeaders().getFirst("ElevenLabs-Signature"), body));
            ex.sendResponseHeaders(200, -1);
            ex.close();
        });
        receiver.start();
        String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
        server = TestServer.start(c -> c.withWebhooks(new TimbreConfig.Webhooks(new TimbreConfig.Webhook(url, SECRET, "hook1"))));
    }

    @AfterAll
    static void stop() {
        server.close();
        receiver.stop(0);
    }

    static JsonNode verified(Delivery d) {
        assertThat(d.signature()).matches("t=\\d+,v0=[0-9a-f]{64}");
        long t = Long.parseLong(d.signature().substring(2, d.signature().indexOf(',')));
        assertThat(Math.abs(System.currentTimeMillis() / 1000 - t)).isLessThan(60);
        assertThat(d.signature()).isEqualTo(dev.timbre.webhooks.WebhookSignature.of(SECRET, t, d.body()));
        try {
            return Json.MAPPER.readTree(d.body());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void accepted_then_delivered_signed_with_metadata() throws Exception {
        TestServer.Response r = server.postMultipart("/v1/speech-to-text", new Multipart().field("model_id", "scribe_v1")
                .field("webhook", "true").field("webhook_id", "hook1").field("webhook_metadata", "{\"order\":42}")
                .file("file", "a.wav", "audio/wav", SpeechAudio.wav(0.3, 0.3)));
        assertThat(r.status()).as(r.toString()).isEqualTo(202);
        OpenApiContract.assertConforms("POST", "/v1/speech-to-text", r);
        assertThat(OpenApiContract.validate("SpeechToTextWebhookResponseModel", r.json())).isEmpty();
        String id = r.json().get("transcription_id").asText();
        assertThat(r.json().get("request_id").asText()).isNotBlank();

        Delivery d = deliveries.poll(20, TimeUnit.SECONDS);
        assertThat(d).isNotNull();
        JsonNode payload = verified(d);
        assertThat(payload.get("type").asText()).isEqualTo("speech_to_text_transcription");
        assertThat(payload.at("/data/request_id").asText()).isEqualTo(r.json().get("request_id").asText());
        assertThat(payload.at("/data/transcription/text").asText()).isEqualTo("word1 word2");
        assertThat(payload.at("/data/transcription/transcription_id").asText()).isEqualTo(id);
        assertThat(payload.at("/data/webhook_metadata/order").asInt()).isEqualTo(42);
        assertThat(OpenApiContract.validate("SpeechToTextChunkResponseModel", payload.at("/data/transcription"))).isEmpty();

        assertThat(server.get("/v1/speech-to-text/transcripts/" + id).json().get("text").asText()).isEqualTo("word1 word2");
        TranscriptRepository repo = new TranscriptRepository(server.timbre().database().jdbi());
        await().atMost(Duration.ofSeconds(5)).until(() -> repo.findJob(id).orElseThrow().state(), TranscriptRepository.DONE::equals);

        TestServer.Response wrongHook = server.postMultipart("/v1/speech-to-text", new Multipart().field("model_id", "scribe_v1")
                .field("webhook", "true").field("webhook_id", "other").file("file", "a.wav", "audio/wav", SpeechAudio.wav(0.3)));
        assertThat(wrongHook.status()).isEqualTo(404);
    }

    @Test
    void pending_jobs_resume() throws Exception {
        deliveries.clear();
        TranscriptRepository repo = new TranscriptRepository(server.timbre().database().jdbi());
        new FileSystemBlobStore(server.dataDir().resolve("blobs")).put("stt-jobs/resumed1", SpeechAudio.wav(0.3));
        TranscriptionRequest req = new TranscriptionRequest("scribe_v1", null, true, null, "word", false, null, java.util.List.of(),
                false, null, null, false, true, null, null, true);
        repo.insertJob(new TranscriptRepository.Job("resumed1", "req1", 1, TranscriptRepository.PENDING, Json.write(req), "stt-jobs/resumed1", 0, null));
        assertThat(server.timbre().services().speechToText().resumePending()).isEqualTo(1);
        Delivery d = deliveries.poll(20, TimeUnit.SECONDS);
        assertThat(d).isNotNull();
        JsonNode payload = verified(d);
        assertThat(payload.at("/data/transcription_id").asText()).isEqualTo("resumed1");
        assertThat(payload.at("/data/transcription/text").asText()).isEqualTo("word1");
        assertThat(server.get("/v1/speech-to-text/transcripts/resumed1").status()).isEqualTo(200);
    }

    @Test
    void a_job_left_scheduled_by_a_stopped_node_is_run_here_once_without_a_start_up_scan() throws Exception {
        deliveries.clear();
        TranscriptRepository repo = new TranscriptRepository(server.timbre().database().jdbi());
        new FileSystemBlobStore(server.dataDir().resolve("blobs")).put("stt-jobs/left1", SpeechAudio.wav(0.3));
        TranscriptionRequest req = new TranscriptionRequest("scribe_v1", null, true, null, "word", false, null, java.util.List.of(),
                false, null, null, false, true, null, null, true);
        repo.insertJob(new TranscriptRepository.Job("left1", "req4", 1, TranscriptRepository.PENDING, Json.write(req), "stt-jobs/left1", 0, null));
        // another node stored the row and scheduled its job, then stopped before running it
        try (Jobs stopped = TestJobs.on(server.timbre().database())) {
            stopped.register(SpeechToTextService.JOB_KIND, SpeechToTextService.WebhookJob.class, new Retries(1, Duration.ZERO),
                    (id, job) -> { throw new AssertionError("the stopped node runs nothing"); }, (id, job, cause) -> {})
                    .schedule("left1", new SpeechToTextService.WebhookJob("left1"));
        }
        Delivery d = deliveries.poll(20, TimeUnit.SECONDS); // this server's scheduler claims it (no resumePending call)
        assertThat(d).isNotNull();
        assertThat(verified(d).at("/data/transcription_id").asText()).isEqualTo("left1");
        await().atMost(Duration.ofSeconds(5)).until(() -> repo.findJob("left1").orElseThrow().state(), TranscriptRepository.DONE::equals);
        assertThat(repo.findJob("left1").orElseThrow().attempts()).isEqualTo(1);
        assertThat(deliveries.poll(1, TimeUnit.SECONDS)).as("delivered once").isNull();
        assertThat(server.timbre().services().speechToText().resumePending()).isZero();
    }

    @Test
    void a_job_in_flight_is_not_resumed_twice() throws Exception {
        deliveries.clear();
        TranscriptRepository repo = new TranscriptRepository(server.timbre().database().jdbi());
        new FileSystemBlobStore(server.dataDir().resolve("blobs")).put("stt-jobs/resumed2", SpeechAudio.wav(0.3));
        TranscriptionRequest req = new TranscriptionRequest("scribe_v1", null, true, null, "word", false, null, java.util.List.of(),
                false, null, null, false, true, null, null, true);
        repo.insertJob(new TranscriptRepository.Job("resumed2", "req2", 1, TranscriptRepository.PENDING, Json.write(req), "stt-jobs/resumed2", 0, null));
        assertThat(server.timbre().services().speechToText().resumePending()).isEqualTo(1);
        // Queued or running (still pending in the database), or done: either way not queued again.
        assertThat(server.timbre().services().speechToText().resumePending()).isZero();
        Delivery d = deliveries.poll(20, TimeUnit.SECONDS);
        assertThat(d).isNotNull();
        assertThat(verified(d).at("/data/transcription_id").asText()).isEqualTo("resumed2");
    }

    @Test
    void a_job_whose_attempts_never_finished_is_marked_failed_not_retried() throws Exception {
        deliveries.clear();
        TranscriptRepository repo = new TranscriptRepository(server.timbre().database().jdbi());
        FileSystemBlobStore blobs = new FileSystemBlobStore(server.dataDir().resolve("blobs"));
        blobs.put("stt-jobs/stuck1", SpeechAudio.wav(0.3));
        TranscriptionRequest req = new TranscriptionRequest("scribe_v1", null, true, null, "word", false, null, java.util.List.of(),
                false, null, null, false, true, null, null, true);
        // three attempts started and none finished: the process died during each (e.g. a decode that took it down)
        repo.insertJob(new TranscriptRepository.Job("stuck1", "req3", 1, TranscriptRepository.PENDING, Json.write(req), "stt-jobs/stuck1",
                SpeechToTextService.MAX_JOB_ATTEMPTS, null));
        assertThat(server.timbre().services().speechToText().resumePending()).isEqualTo(1);
        Delivery d = deliveries.poll(20, TimeUnit.SECONDS);
        assertThat(d).isNotNull();
        JsonNode payload = verified(d);
        assertThat(payload.at("/data/transcription_id").asText()).isEqualTo("stuck1");
        assertThat(payload.at("/data/error").asText()).contains("gave up after 3 attempts");
        assertThat(payload.at("/data/transcription").isMissingNode()).isTrue();
        await().atMost(Duration.ofSeconds(5)).until(() -> repo.findJob("stuck1").orElseThrow().state(), TranscriptRepository.FAILED::equals);
        assertThat(repo.findJob("stuck1").orElseThrow().attempts()).isEqualTo(SpeechToTextService.MAX_JOB_ATTEMPTS + 1);
        assertThat(blobs.get("stt-jobs/stuck1")).isEmpty();
        assertThat(server.timbre().services().speechToText().resumePending()).as("never queued again").isZero();
    }
}
