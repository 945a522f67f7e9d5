package dev.timbre;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timbre.audio.Pcm;
import dev.timbre.audio.PcmFormat;
import dev.timbre.audio.Wav;
import dev.timbre.db.Database;
import dev.timbre.http.Json;
import dev.timbre.testing.Multipart;
import dev.timbre.testing.ServerProcess;
import dev.timbre.testing.TestSocket;
import dev.timbre.testing.WebhookReceiver;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The crash test: a server process with uploads, a webhook transcription, an ended conversation (post-call work) and
 * a live one is killed with SIGKILL in the middle of more uploads, then started again on the same data dir. Every
 * stored item is whole or absent, every job finishes or is failed, no conversation stays unfinished, no {@code .part}
 * file remains.
 */
@Tag("integration")
class CrashRecoveryTest {
    static final String KEY = "crash-test-admin-key";
    static final Duration START = Duration.ofSeconds(60);

    @TempDir
    Path tmp;
    WebhookReceiver receiver;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    Map<String, String> env;

    @BeforeEach
    void receiver() throws Exception {
        receiver = WebhookReceiver.start();
        Path config = receiver.config(tmp.resolve("timbre.yaml"));
        // jobs the killed server had claimed are taken over once its heartbeats are missed: 1 s beats bound that to 7 s
        env = Map.of("TIMBRE_API_KEY", KEY, "TIMBRE_TTS_ENGINE", "fake", "TIMBRE_EXTRA_TTS_ENGINES", "none", "TIMBRE_STT_ENGINE", "fake",
                "TIMBRE_CONFIG", config.toString(), "TIMBRE_JOB_HEARTBEAT_SECONDS", "1");
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    @Test
    void a_killed_server_restarts_with_everything_whole_or_absent_and_nothing_stuck() throws Exception {
        Path data = tmp.resolve("data");
        Path log = Files.createDirectories(Path.of("target")).resolve("crash-recovery-server.log"); // both runs' output, kept to read
        Files.deleteIfExists(log);
        String transcriptionId, live, ended;
        try (ServerProcess a = ServerProcess.start(data, env, log, START)) {
            String voice = json(send(a, get("/v1/voices"))).at("/voices/0/voice_id").asText();
            assertThat(send(a, tts(voice)).statusCode()).isEqualTo(200);
            assertThat(send(a, voiceAdd("Kept")).statusCode()).isEqualTo(200);
            HttpResponse<byte[]> stt = send(a, transcription());
            assertThat(stt.statusCode()).isEqualTo(202);
            transcriptionId = json(stt).get("transcription_id").asText();
            String agent = json(send(a, post("/v1/convai/agents/create", "application/json", ("{\"conversation_config\":{\"agent\":{\"first_message\":\"Hello!\","
                    + "\"prompt\":{\"prompt\":\"When the user says hello, reply Hi there.\",\"built_in_tools\":{\"end_call\":{\"type\":\"system\",\"name\":\"end_call\","
                    + "\"description\":\"\",\"params\":{\"system_tool_type\":\"end_call\"}}}}},\"conversation\":{\"text_only\":true}}}").getBytes()))).get("agent_id").asText();
            try (TestSocket done = a.conversation("/v1/convai/conversation?agent_id=" + agent)) {
                ended = ServerProcess.started(done);
                done.send("{\"type\":\"user_message\",\"text\":\"thanks, goodbye\"}");
                done.messagesUntilClosed(new ArrayList<>());
            }
            TestSocket open = a.conversation("/v1/convai/conversation?agent_id=" + agent);
            live = ServerProcess.started(open);
            open.send("{\"type\":\"user_message\",\"text\":\"hello\"}");
            open.messagesUntil(m -> m.at("/agent_response_event/agent_response").asText().contains("Hi there"));
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> { // the record is written off the conversation's threads
                JsonNode c = json(send(a, get("/v1/convai/conversations/" + live)));
                assertThat(c.get("status").asText()).isEqualTo("in-progress");
                assertThat(c.get("transcript").toString()).contains("Hi there");
            });

            for (int i = 0; i < 4; i++) { // in flight at the kill: some finish, some are cut off anywhere
                http.sendAsync(voiceAdd("Cut " + i).build(a), HttpResponse.BodyHandlers.discarding());
                http.sendAsync(transcription().build(a), HttpResponse.BodyHandlers.discarding());
                http.sendAsync(tts(voice).build(a), HttpResponse.BodyHandlers.discarding());
            }
            a.kill();
        }
        Files.write(Files.createDirectories(data.resolve("blobs/history")).resolve(".tmp-cut.part"), new byte[] {1, 2, 3});
        Path orphan = Files.write(data.resolve("blobs/history/no_row_refers_to_this.mp3"), new byte[] {4, 5, 6}); // a crash before its row
        List<String> pendingAtCrash = pendingJobs(data);

        try (ServerProcess b = ServerProcess.start(data, env, log, START)) {
            try (var files = Files.walk(data)) {
                assertThat(files.map(p -> p.getFileName().toString())).as("no partly written file").noneMatch(n -> n.endsWith(".part"));
            }
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(json(send(b, get("/v1/convai/conversations?page_size=100")))
                    .get("conversations")).extracting(c -> c.get("status").asText()).isNotEmpty().allMatch(s -> s.equals("done") || s.equals("failed")));
            JsonNode cut = json(send(b, get("/v1/convai/conversations/" + live)));
            assertThat(cut.get("status").asText()).isEqualTo("failed");
            assertThat(cut.at("/metadata/termination_reason").asText()).isEqualTo("The server stopped during the call");
            assertThat(cut.get("transcript").toString()).contains("Hi there");
            assertThat(json(send(b, get("/v1/convai/conversations/" + ended))).get("status").asText()).isEqualTo("done");

            JsonNode history = json(send(b, get("/v1/history?page_size=100"))).get("history");
            assertThat(history).isNotEmpty();
            for (JsonNode item : history) {
                HttpResponse<byte[]> audio = send(b, get("/v1/history/" + item.get("history_item_id").asText() + "/audio"));
                assertThat(audio.statusCode()).isEqualTo(200);
                assertThat(audio.body()).isNotEmpty();
            }
            List<JsonNode> cloned = new ArrayList<>();
            json(send(b, get("/v1/voices"))).get("voices").forEach(v -> { if (v.get("category").asText().equals("cloned")) cloned.add(v); });
            assertThat(cloned).extracting(v -> v.get("name").asText()).contains("Kept");
            for (JsonNode v : cloned) {
                assertThat(v.get("samples")).hasSize(1);
                JsonNode s = v.get("samples").get(0);
                HttpResponse<byte[]> audio = send(b, get("/v1/voices/" + v.get("voice_id").asText() + "/samples/" + s.get("sample_id").asText() + "/audio"));
                assertThat(audio.statusCode()).isEqualTo(200);
                assertThat(audio.body()).hasSize(s.get("size_bytes").asInt());
            }
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                assertThat(orphan).as("the orphan blob is swept").doesNotExist();
                assertThat(send(b, get("/v1/speech-to-text/transcripts/" + transcriptionId)).statusCode()).isEqualTo(200);
                assertThat(receiver.delivered()).containsAll(pendingAtCrash);
            });
        }
        assertThat(pendingJobs(data)).as("every job finished or failed").isEmpty();
    }

    /** Pending jobs as {@code <event type>:<id>} (the delivery each will make), read with no server running. */
    static List<String> pendingJobs(Path data) {
        try (Database db = Database.open(Database.embeddedUrl(data), null, null, null)) {
            return db.jdbi().withHandle(h -> {
                List<String> out = new ArrayList<>(h.createQuery("SELECT transcription_id FROM speech_to_text_jobs WHERE state = 'pending'")
                        .mapTo(String.class).map(id -> "speech_to_text_transcription:" + id).list());
                out.addAll(h.createQuery("SELECT conversation_id FROM post_call_jobs WHERE state = 'pending'")
                        .mapTo(String.class).map(id -> "post_call_transcription:" + id).list());
                return out;
            });
        }
    }

    static byte[] wav() {
        short[] pcm = new short[32000]; // 1.5 s of a 220 Hz tone in silence: enough "speech" for a clone
        for (int i = 3200; i < 27200; i++) pcm[i] = (short) (8000 * Math.sin(2 * Math.PI * 220 * i / 16000.0));
        return Wav.wrap(Pcm.toBytes(pcm), new PcmFormat(16000));
    }

    /** A request on whichever server runs. */
    interface Request {
        HttpRequest build(ServerProcess s);
    }

    static Request get(String path) {
        return s -> HttpRequest.newBuilder(URI.create(s.url(path))).timeout(Duration.ofSeconds(30)).header("xi-api-key", KEY).GET().build();
    }

    static Request post(String path, String contentType, byte[] body) {
        return s -> HttpRequest.newBuilder(URI.create(s.url(path))).timeout(Duration.ofSeconds(30)).header("xi-api-key", KEY)
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    }

    static Request multipart(String path, Multipart form) {
        return post(path, form.contentType(), form.bytes());
    }

    static Request tts(String voice) {
        return post("/v1/text-to-speech/" + voice, "application/json",
                "{\"text\":\"Nothing stored is lost.\",\"model_id\":\"eleven_multilingual_v2\"}".getBytes(StandardCharsets.UTF_8));
    }

    static Request voiceAdd(String name) {
        return multipart("/v1/voices/add", new Multipart().field("name", name).file("files", "sample.wav", "audio/wav", wav()));
    }

    static Request transcription() {
        return multipart("/v1/speech-to-text", new Multipart().field("model_id", "scribe_v1").field("webhook", "true")
                .file("file", "a.wav", "audio/wav", wav()));
    }

    HttpResponse<byte[]> send(ServerProcess s, Request r) throws Exception {
        return http.send(r.build(s), HttpResponse.BodyHandlers.ofByteArray());
    }

    static JsonNode json(HttpResponse<byte[]> r) throws Exception {
        assertThat(r.statusCode()).as(new String(r.body(), StandardCharsets.UTF_8)).isLessThan(300);
        return Json.MAPPER.readTree(r.body());
    }
}
