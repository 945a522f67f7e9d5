package dev.timbre.engine.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.timbre.engine.EngineException;
import dev.timbre.engine.HttpTransport;
import dev.timbre.engine.SpeechRequest;
import dev.timbre.engine.VoiceCloning;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Voice cloning on the {@code elevenlabs} and {@code openai} (Chatterbox-style) providers against {@link FakeSpeechServer}. */
class RemoteCloningTest {
    static FakeSpeechServer remote;
    static final HttpTransport HTTP = HttpTransport.of(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build());
    static final byte[] WAV = "RIFF....WAVEfmt sample-one".getBytes(StandardCharsets.ISO_8859_1);
    static final byte[] MP3 = "ID3 a longer second sample, the longest".getBytes(StandardCharsets.ISO_8859_1);

    @BeforeAll static void start() throws Exception { remote = new FakeSpeechServer(); }

    @AfterAll static void stop() { remote.close(); }

    @BeforeEach void reset() { remote.reset(); }

    RemoteSpeechSettings settings(String url, String key) {
        return new RemoteSpeechSettings(url, key, null, List.of("v"), Duration.ofSeconds(5), 0, 0);
    }

    @Test
    void elevenlabs_clones_with_every_sample_and_its_key_then_speaks_and_forgets_the_new_voice() throws Exception {
        ElevenLabsTextToSpeech tts = new ElevenLabsTextToSpeech(settings(remote.url(), "xi-secret"), HTTP, null);
        VoiceCloning cloning = tts.cloning().orElseThrow();
        remote.requests.clear();

        String id = cloning.clone("Ada \"the\" voice", List.of(WAV, MP3), true);

        assertThat(id).isEqualTo("cloned-1");
        FakeSpeechServer.Request add = remote.requests.get(0);
        assertThat(add.method()).isEqualTo("POST");
        assertThat(add.path()).isEqualTo("/v1/voices/add");
        assertThat(add.xiApiKey()).isEqualTo("xi-secret");
        FakeSpeechServer.Upload form = remote.uploads.get(0);
        assertThat(form.files("files")).isEqualTo(2);
        assertThat(form.holds(WAV)).isTrue();
        assertThat(form.holds(MP3)).isTrue();
        assertThat(form.field("remove_background_noise")).isEqualTo("true");
        assertThat(new String(form.body(), StandardCharsets.ISO_8859_1)).contains("filename=\"sample-1.wav\"", "Content-Type: audio/wav",
                "filename=\"sample-2.mp3\"", "Content-Type: audio/mpeg");

        assertThat(tts.synthesize(new SpeechRequest("Hello there", id, null, null, null)).pcm()).isNotEmpty();
        assertThat(remote.requests.get(1).path()).isEqualTo("/v1/text-to-speech/cloned-1/stream");

        cloning.forget(id);
        assertThat(remote.requests.get(2).method()).isEqualTo("DELETE");
        assertThat(remote.requests.get(2).path()).isEqualTo("/v1/voices/cloned-1");
        assertThat(remote.requests.get(2).xiApiKey()).isEqualTo("xi-secret");
    }

    @Test
    void elevenlabs_cloning_can_be_turned_off() {
        assertThat(new ElevenLabsTextToSpeech(settings(remote.url(), null), HTTP, null, false).cloning()).isEmpty();
    }

    @Test
    void a_server_that_is_down_is_retryable_and_a_refusal_is_not() {
        ElevenLabsTextToSpeech down = new ElevenLabsTextToSpeech(settings("http://127.0.0.1:9", null), HTTP, null);
        assertThatThrownBy(() -> down.clone("x", List.of(WAV), false))
                .isInstanceOfSatisfying(EngineException.class, e -> assertThat(e.retryable()).isTrue());

        ElevenLabsTextToSpeech tts = new ElevenLabsTextToSpeech(settings(remote.url(), null), HTTP, null);
        remote.status(422);
        assertThatThrownBy(() -> tts.clone("x", List.of(WAV), false))
                .isInstanceOfSatisfying(EngineException.class, e -> {
                    assertThat(e.retryable()).isFalse();
                    assertThat(e.getMessage()).contains("422").doesNotContain("127.0.0.1");
                });
        remote.status(404);
        tts.forget("cloned-9"); // already gone: no error
        remote.status(500);
        assertThatThrownBy(() -> tts.forget("cloned-9")).isInstanceOf(EngineException.class);
    }

    @Test
    void openai_clones_only_with_a_clone_path_uploading_the_longest_sample_as_a_named_voice() throws Exception {
        assertThat(new OpenAiSpeechTextToSpeech(settings(remote.url(), null), HTTP, null).cloning()).isEmpty();

        OpenAiSpeechTextToSpeech tts = new OpenAiSpeechTextToSpeech(settings(remote.url() + "/v1", "sk-1"), HTTP, null, "/voices");
        VoiceCloning cloning = tts.cloning().orElseThrow();
        remote.requests.clear();

        String id = cloning.clone("Ada", List.of(WAV, MP3), false);

        assertThat(id).matches("timbre-[0-9a-f]{16}");
        FakeSpeechServer.Request upload = remote.requests.get(0);
        assertThat(upload.path()).isEqualTo("/v1/voices");
        assertThat(upload.authorization()).isEqualTo("Bearer sk-1");
        FakeSpeechServer.Upload form = remote.uploads.get(0);
        assertThat(form.field("voice_name")).isEqualTo(id);
        assertThat(form.files("voice_file")).isEqualTo(1);
        assertThat(form.holds(MP3)).isTrue();
        assertThat(form.holds(WAV)).isFalse();

        tts.synthesize(new SpeechRequest("Hello", id, null, null, null));
        assertThat(remote.requests.get(1).body().path("voice").asText()).isEqualTo(id);

        cloning.forget(id);
        assertThat(remote.requests.get(2).method()).isEqualTo("DELETE");
        assertThat(remote.requests.get(2).path()).isEqualTo("/v1/voices/" + id);
    }
}
