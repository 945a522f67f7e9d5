package dev.timbre.voices;

import dev.timbre.config.RemoteTextToSpeech;
import static org.assertj.core.api.Assertions.assertThat;

import dev.timbre.config.TimbreConfig;
import dev.timbre.engine.remote.FakeSpeechServer;
import dev.timbre.testing.Multipart;
import dev.timbre.testing.OpenApiContract;
import dev.timbre.testing.TestServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Instant cloning with a cloning-capable main TTS provider ({@code elevenlabs} on {@link FakeSpeechServer}): the
 * samples go to the remote server after Timbre's own checks, the clone speaks with the remote voice id, deleting it
 * deletes it there; a server that is down is a 503 and nothing is stored.
 */
@Tag("integration")
class RemoteVoiceCloningApiTest {
    static FakeSpeechServer remote;
    static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        remote = new FakeSpeechServer();
        server = TestServer.start(c -> c.withEngines(new TimbreConfig.Engines("elevenlabs", List.of(), "fake", null,
                new RemoteTextToSpeech(remote.url(), "xi-remote", null, List.of(), 5, 0))));
    }

    @AfterAll
    static void stop() {
        server.close();
        remote.close();
    }

    @BeforeEach
    void reset() { remote.reset(); }

    static TestServer.Response add(String name, byte[] sample) {
        return server.postMultipart("/v1/voices/add", new Multipart().field("name", name).field("remove_background_noise", "true")
                .file("files", "sample.wav", "audio/wav", sample));
    }

    static List<FakeSpeechServer.Request> sent(String method, String path) {
        return remote.requests.stream().filter(r -> r.method().equals(method) && r.path().equals(path)).toList();
    }

    @Test
    void the_samples_go_to_the_server_and_the_clone_speaks_and_is_deleted_there() {
        byte[] sample = VoiceAudio.wav(180, 1.5);
        TestServer.Response r = add("Neural Ada", sample);
        OpenApiContract.assertConforms("POST", "/v1/voices/add", r);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        String id = r.json().get("voice_id").asText();

        assertThat(sent("POST", "/v1/voices/add")).singleElement().satisfies(q -> assertThat(q.xiApiKey()).isEqualTo("xi-remote"));
        FakeSpeechServer.Upload upload = remote.uploads.get(0);
        assertThat(upload.holds(sample)).as("the sample as uploaded").isTrue();
        assertThat(upload.field("name")).isEqualTo("Neural Ada");
        assertThat(upload.field("remove_background_noise")).isEqualTo("true");
        String remoteId = "cloned-1"; // the fake's first clone since its reset
        TestServer.Response voice = server.get("/v1/voices/" + id);
        assertThat(voice.json().get("category").asText()).isEqualTo("cloned");

        TestServer.Response speech = server.postJson("/v1/text-to-speech/" + id + "?output_format=pcm_16000", Map.of("text", "hello there"));
        assertThat(speech.status()).as(speech.toString()).isEqualTo(200);
        assertThat(speech.body().length).as("the remote server's audio").isPositive();
        List<FakeSpeechServer.Request> tts = remote.requests.stream().filter(q -> q.path().startsWith("/v1/text-to-speech/")).toList();
        assertThat(tts).isNotEmpty().allSatisfy(q -> assertThat(q.path()).isEqualTo("/v1/text-to-speech/" + remoteId + "/stream"));

        TestServer.Response deleted = server.delete("/v1/voices/" + id);
        assertThat(deleted.status()).as(deleted.toString()).isEqualTo(200);
        assertThat(sent("DELETE", "/v1/voices/" + remoteId)).hasSize(1);
        assertThat(server.get("/v1/voices/" + id).status()).isEqualTo(404);
    }

    @Test
    void samples_are_checked_here_first_and_a_server_that_is_down_is_a_503_storing_nothing() {
        int voices = server.get("/v1/voices").json().get("voices").size();
        VoicesApiTest.assertDetail(add("Short", VoiceAudio.wav(200, 0.5)), 400, "samples_too_short");
        assertThat(remote.uploads).as("refused samples are not sent").isEmpty();

        remote.status(503);
        TestServer.Response down = add("Down", VoiceAudio.wav(180, 1.5));
        VoicesApiTest.assertDetail(down, 503, "service_unavailable");
        assertThat(down.json().at("/detail/message").asText()).doesNotContain("127.0.0.1");
        remote.status(422);
        VoicesApiTest.assertDetail(add("Refused", VoiceAudio.wav(180, 1.5)), 400, "voice_clone_refused");
        remote.status(200);
        assertThat(server.get("/v1/voices").json().get("voices")).hasSize(voices);
    }

    @Test
    void an_openai_style_server_with_a_clone_path_gets_the_sample_as_a_named_voice() {
        try (TestServer openai = TestServer.start(c -> c.withEngines(new TimbreConfig.Engines("openai", List.of(), "fake", null,
                new RemoteTextToSpeech(remote.url(), null, "chatterbox", List.of(), 5, 0).withClonePath("/voices"))))) {
            remote.reset();
            byte[] sample = VoiceAudio.wav(180, 1.5);
            TestServer.Response r = openai.postMultipart("/v1/voices/add", new Multipart().field("name", "Chatter")
                    .file("files", "sample.wav", "audio/wav", sample));
            assertThat(r.status()).as(r.toString()).isEqualTo(200);
            String id = r.json().get("voice_id").asText();
            FakeSpeechServer.Upload upload = remote.uploads.get(0);
            assertThat(upload.path()).isEqualTo("/v1/voices");
            assertThat(upload.holds(sample)).isTrue();
            String name = upload.field("voice_name");
            assertThat(name).startsWith("timbre-");

            TestServer.Response speech = openai.postJson("/v1/text-to-speech/" + id + "?output_format=pcm_16000", Map.of("text", "hello"));
            assertThat(speech.status()).as(speech.toString()).isEqualTo(200);
            assertThat(sent("POST", "/v1/audio/speech")).isNotEmpty().allSatisfy(q -> assertThat(q.body().path("voice").asText()).isEqualTo(name));

            assertThat(openai.delete("/v1/voices/" + id).status()).isEqualTo(200);
            assertThat(sent("DELETE", "/v1/voices/" + name)).hasSize(1);
        }
    }
}
