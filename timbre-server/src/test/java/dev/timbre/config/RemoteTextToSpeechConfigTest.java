package dev.timbre.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.timbre.engines.RemoteSpeechProviders;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code engines.remote_text_to_speech} and {@code TIMBRE_TTS_*}. */
class RemoteTextToSpeechConfigTest {
    @TempDir Path dir;

    @Test
    void none_by_default() throws Exception {
        assertThat(ConfigLoader.load(Map.of(), Map.of()).engines().remoteTextToSpeech()).isNull();
    }

    @Test
    void yaml_under_engines_with_voices_as_a_list_or_a_comma_separated_string() throws Exception {
        Path file = dir.resolve("timbre.yaml");
        Files.writeString(file, """
                engines:
                  text_to_speech: openai
                  remote_text_to_speech: {url: "http://gpu-host:8880", api_key: sk-1, model: kokoro, voices: "af_bella, am_adam",
                                          timeout_seconds: 30, sample_rate: 22050}
                """);
        TimbreConfig c = ConfigLoader.load(Map.of("config", file.toString()), Map.of());
        assertThat(c.engines().textToSpeech()).isEqualTo("openai");
        assertThat(c.engines().remoteTextToSpeech()).isEqualTo(new RemoteTextToSpeech("http://gpu-host:8880", "sk-1",
                "kokoro", List.of("af_bella", "am_adam"), 30, 22050));
        assertThat(c.engines().remoteTextToSpeech().toString()).doesNotContain("sk-1");

        Files.writeString(file, "engines: {remote_text_to_speech: {url: 'http://a:1', voices: [nova, echo]}}\n");
        assertThat(ConfigLoader.load(Map.of("config", file.toString()), Map.of()).engines().remoteTextToSpeech().voices())
                .containsExactly("nova", "echo");
    }

    @Test
    void the_environment_overrides_the_file_and_keeps_the_other_engine_settings() throws Exception {
        Path file = dir.resolve("timbre.yaml");
        Files.writeString(file, "engines: {remote_text_to_speech: {url: 'http://a:1', model: m1, timeout_seconds: 60}}\n");
        var env = Map.of("TIMBRE_EXTRA_TTS_ENGINES", "openai, espeak-ng", "TIMBRE_TTS_URL", "http://b:2", "TIMBRE_TTS_API_KEY", "k",
                "TIMBRE_TTS_VOICES", "alloy,nova", "TIMBRE_TTS_ENGINE", "marytts", "TIMBRE_STT_URL", "http://stt:9");
        TimbreConfig c = ConfigLoader.load(Map.of("config", file.toString()), env);
        assertThat(c.engines().extraTextToSpeech()).containsExactly("openai", "espeak-ng");
        assertThat(c.engines().textToSpeech()).isEqualTo("marytts");
        assertThat(c.engines().remoteTextToSpeech()).isEqualTo(new RemoteTextToSpeech("http://b:2", "k", "m1",
                List.of("alloy", "nova"), 60, 0));
        assertThat(c.engines().remoteSpeechToText().url()).isEqualTo("http://stt:9");
        assertThatThrownBy(() -> ConfigLoader.load(Map.of(), Map.of("TIMBRE_TTS_SAMPLE_RATE", "fast")))
                .hasMessageContaining("TIMBRE_TTS_SAMPLE_RATE");
    }

    @Test
    void a_named_remote_provider_without_a_url_or_with_a_bad_one_stops_the_start() {
        assertThat(RemoteSpeechProviders.providers(List.of("marytts", "auto"), null, List.of(), dir, Optional::empty)).isEmpty();
        assertThatThrownBy(() -> RemoteSpeechProviders.providers(List.of("openai"), null, List.of(), dir, Optional::empty))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("TIMBRE_TTS_URL");
        assertThatThrownBy(() -> RemoteSpeechProviders.providers(List.of("elevenlabs"),
                RemoteTextToSpeech.none().withUrl("gpu:8880"), List.of(), dir, Optional::empty))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("http://");
    }

    @Test
    void cloning_is_on_unless_turned_off_and_the_clone_path_comes_from_the_file_or_the_environment() throws Exception {
        Path file = dir.resolve("timbre.yaml");
        Files.writeString(file, "engines: {remote_text_to_speech: {url: 'http://a:1', clone_path: /voices}}\n");
        RemoteTextToSpeech fromFile = ConfigLoader.load(Map.of("config", file.toString()), Map.of()).engines().remoteTextToSpeech();
        assertThat(fromFile.cloningEnabled()).isTrue();
        assertThat(fromFile.clonePath()).isEqualTo("/voices");

        RemoteTextToSpeech off = ConfigLoader.load(Map.of("config", file.toString()),
                Map.of("TIMBRE_TTS_CLONING", "false", "TIMBRE_TTS_CLONE_PATH", "/v1/voice-library")).engines().remoteTextToSpeech();
        assertThat(off.cloningEnabled()).isFalse();
        assertThat(off.clonePath()).isEqualTo("/v1/voice-library");
        assertThatThrownBy(() -> ConfigLoader.load(Map.of(), Map.of("TIMBRE_TTS_CLONING", "maybe")))
                .hasMessageContaining("TIMBRE_TTS_CLONING");
    }
}
