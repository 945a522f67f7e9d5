package dev.timbre.engine.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.timbre.engine.EngineException;
import dev.timbre.engine.HttpTransport;
import dev.timbre.engine.SpeechRequest;
import dev.timbre.engine.TextToSpeech;
import dev.timbre.engine.VoiceDescriptor;
import dev.timbre.engine.VoiceTuning;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code openai} and {@code elevenlabs} TTS providers against {@link FakeSpeechServer}. */
class RemoteTextToSpeechTest {
    static FakeSpeechServer remote;
    static final HttpTransport HTTP = HttpTransport.of(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build());
    @TempDir Path dir;

    @BeforeAll static void start() throws Exception { remote = new FakeSpeechServer(); }

    @AfterAll static void stop() { remote.close(); }

    @BeforeEach void reset() { remote.reset(); }

    RemoteSpeechSettings settings(String key, List<String> voices) {
        return new RemoteSpeechSettings(remote.url(), key, null, voices, Duration.ofSeconds(5), 0, 0);
    }

    @Test
    void lists_the_servers_voices_with_labels_from_kokoro_names_and_keeps_the_listing() {
        OpenAiSpeechTextToSpeech tts = new OpenAiSpeechTextToSpeech(settings("sk-1", List.of()), HTTP, dir.resolve("v.json"));

        assertThat(tts.voices()).extracting(VoiceDescriptor::id).containsExactly("af_bella", "am_adam", "bf_emma", "jf_alpha");
        VoiceDescriptor bella = tts.voices().get(0);
        assertThat(bella.name()).isEqualTo("Bella");
        assertThat(bella.language()).isEqualTo("en");
        assertThat(bella.labels()).containsEntry("gender", "female").containsEntry("accent", "american");
        assertThat(tts.voices().get(3).language()).isEqualTo("ja");
        assertThat(remote.requests.get(0).authorization()).isEqualTo("Bearer sk-1");
        assertThat(dir.resolve("v.json")).exists();

        remote.status(503); // down at the next start: the last listing stays
        OpenAiSpeechTextToSpeech again = new OpenAiSpeechTextToSpeech(settings(null, List.of("nova")), HTTP, dir.resolve("v.json"));
        assertThat(again.voices()).extracting(VoiceDescriptor::id).containsExactly("af_bella", "am_adam", "bf_emma", "jf_alpha");
        assertThat(again.info().description()).contains("voices from cache");
    }

    @Test
    void a_server_that_cannot_list_offers_the_configured_voices_else_openais() {
        remote.voices(null);
        assertThat(new OpenAiSpeechTextToSpeech(settings(null, List.of("echo", " onyx ")), HTTP, null).voices())
                .extracting(VoiceDescriptor::id).containsExactly("echo", "onyx");
        assertThat(new OpenAiSpeechTextToSpeech(settings(null, List.of()), HTTP, null).voices())
                .extracting(VoiceDescriptor::id).contains("alloy", "nova", "shimmer");
    }

    @Test
    void speaks_through_post_v1_audio_speech_asking_for_pcm() throws Exception {
        OpenAiSpeechTextToSpeech tts = new OpenAiSpeechTextToSpeech(settings("sk-1", List.of()), HTTP, null);
        remote.requests.clear();

        TextToSpeech.Speech speech = tts.synthesize(new SpeechRequest("Hello there world", "af_bella", "en",
                new VoiceTuning(0.5, 0.75, 0, true, 1.2), null));

        assertThat(speech.format().sampleRate()).isEqualTo(24_000);
        assertThat(speech.pcm()).isEqualTo(FakeSpeechServer.speak("Hello there world", 24_000));
        assertThat(speech.words()).isEmpty();
        FakeSpeechServer.Request sent = remote.requests.get(0);
        assertThat(sent.path()).isEqualTo("/v1/audio/speech");
        assertThat(sent.authorization()).isEqualTo("Bearer sk-1");
        assertThat(sent.body().path("model").asText()).isEqualTo("tts-1");
        assertThat(sent.body().path("input").asText()).isEqualTo("Hello there world");
        assertThat(sent.body().path("voice").asText()).isEqualTo("af_bella");
        assertThat(sent.body().path("response_format").asText()).isEqualTo("pcm");
        assertThat(sent.body().path("speed").asDouble()).isEqualTo(1.2);
    }

    @Test
    void reads_a_streamed_wav_at_its_own_rate_and_mixes_stereo_to_mono() throws Exception {
        OpenAiSpeechTextToSpeech tts = new OpenAiSpeechTextToSpeech(settings(null, List.of()), HTTP, null);
        remote.audio(FakeSpeechServer.Audio.WAV, 22_050);
        TextToSpeech.Speech wav = tts.synthesize(new SpeechRequest("one two", "af_bella", null, null, null));
        assertThat(wav.format().sampleRate()).isEqualTo(22_050);
        assertThat(wav.pcm()).isEqualTo(FakeSpeechServer.speak("one two", 22_050));

        remote.audio(FakeSpeechServer.Audio.STEREO_WAV, 16_000);
        TextToSpeech.Speech stereo = tts.synthesize(new SpeechRequest("one two", "af_bella", null, null, null));
        assertThat(stereo.format().sampleRate()).isEqualTo(16_000);
        assertThat(stereo.pcm()).isEqualTo(FakeSpeechServer.speak("one two", 16_000));
    }

    @Test
    void a_server_that_is_down_or_failing_is_a_retryable_engine_failure_naming_no_url() {
        OpenAiSpeechTextToSpeech tts = new OpenAiSpeechTextToSpeech(settings(null, List.of()), HTTP, null);
        remote.status(500);
        assertThatThrownBy(() -> tts.synthesize(new SpeechRequest("Hello", "af_bella", null, null, null)))
                .isInstanceOfSatisfying(EngineException.class, e -> {
                    assertThat(e.retryable()).isTrue();
                    assertThat(e.getMessage()).contains("openai", "500", "fake server says 500").doesNotContain("127.0.0.1");
                });

        OpenAiSpeechTextToSpeech unreachable = new OpenAiSpeechTextToSpeech(new RemoteSpeechSettings("http://127.0.0.1:9",
                null, null, List.of("nova"), Duration.ofSeconds(2), 0, 0), HTTP, null);
        assertThat(unreachable.voices()).extracting(VoiceDescriptor::id).containsExactly("nova");
        assertThatThrownBy(() -> unreachable.synthesize(new SpeechRequest("Hello", "nova", null, null, null)))
                .isInstanceOfSatisfying(EngineException.class, e -> assertThat(e.retryable()).isTrue());
    }

    @Test
    void the_output_is_bounded() throws Exception {
        OpenAiSpeechTextToSpeech tts = new OpenAiSpeechTextToSpeech(new RemoteSpeechSettings(remote.url(), null, null,
                List.of(), null, 0, 1000), HTTP, null);
        assertThat(tts.synthesize(new SpeechRequest("a long text", "af_bella", null, null, null)).pcm()).hasSize(1000);
    }

    @Test
    void elevenlabs_lists_v2_voices_and_streams_pcm_with_its_key() throws Exception {
        ElevenLabsTextToSpeech tts = new ElevenLabsTextToSpeech(new RemoteSpeechSettings(remote.url() + "/v1/", "xi-secret",
                null, List.of(), null, 16_000, 0), HTTP, dir.resolve("el.json"));

        assertThat(tts.voices()).extracting(VoiceDescriptor::id).containsExactly("remote-voice-1", "remote-voice-2");
        assertThat(tts.voices().get(0).name()).isEqualTo("Remote Rachel");
        assertThat(tts.voices().get(0).labels()).containsEntry("accent", "american");
        assertThat(tts.voices().get(1).language()).isEqualTo("de");
        assertThat(remote.requests.get(0).xiApiKey()).isEqualTo("xi-secret");
        assertThat(Files.exists(dir.resolve("el.json"))).isTrue();
        remote.requests.clear();

        TextToSpeech.Speech speech = tts.synthesize(new SpeechRequest("Guten Tag", "remote-voice-2", "de", null, null));

        assertThat(speech.format().sampleRate()).isEqualTo(16_000);
        assertThat(speech.pcm()).isEqualTo(FakeSpeechServer.speak("Guten Tag", 16_000));
        FakeSpeechServer.Request sent = remote.requests.get(0);
        assertThat(sent.path()).isEqualTo("/v1/text-to-speech/remote-voice-2/stream");
        assertThat(sent.query()).isEqualTo("output_format=pcm_16000");
        assertThat(sent.xiApiKey()).isEqualTo("xi-secret");
        assertThat(sent.body().path("text").asText()).isEqualTo("Guten Tag");
        assertThat(sent.body().path("model_id").asText()).isEqualTo("eleven_multilingual_v2");
        assertThat(sent.body().path("language_code").asText()).isEqualTo("de");
        assertThat(sent.body().at("/voice_settings/stability").asDouble()).isEqualTo(0.5);
    }

    @Test
    void elevenlabs_asks_for_the_model_routed_to_it_and_sends_a_voice_shape_for_a_timbre_engine_node() throws Exception {
        ElevenLabsTextToSpeech tts = new ElevenLabsTextToSpeech(new RemoteSpeechSettings(remote.url(), null, null, List.of(), null,
                16_000, 0), HTTP, null);
        remote.requests.clear();

        tts.synthesize(new SpeechRequest("plain", "remote-voice-1", null, null, null));
        tts.withModel("eleven_flash_v2_5").synthesize(new SpeechRequest("shaped", "remote-voice-1", null, null, null,
                new dev.timbre.engine.VoiceShape(3, 0.5, 1.5, 1.1)));

        List<FakeSpeechServer.Request> sent = remote.requests.stream().filter(r -> r.path().endsWith("/stream")).toList();
        assertThat(sent.get(0).body().path("model_id").asText()).isEqualTo("eleven_multilingual_v2");
        assertThat(sent.get(0).body().has("timbre_voice_shape")).as("a neutral shape sends nothing").isFalse();
        assertThat(sent.get(1).body().path("model_id").asText()).isEqualTo("eleven_flash_v2_5");
        assertThat(sent.get(1).body().at("/timbre_voice_shape/pitch_semitones").asDouble()).isEqualTo(3);
        assertThat(sent.get(1).body().at("/timbre_voice_shape/pitch_range").asDouble()).isEqualTo(0.5);
        assertThat(sent.get(1).body().at("/timbre_voice_shape/formant_scale").asDouble()).isEqualTo(1.1);
        assertThat(sent.get(1).body().at("/voice_settings/speed").asDouble()).as("the rate is in speed, clamped").isEqualTo(1.2);
        assertThat(tts.model()).isEqualTo("eleven_multilingual_v2");
    }
}
