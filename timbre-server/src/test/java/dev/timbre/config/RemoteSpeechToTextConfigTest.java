package dev.timbre.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.timbre.engines.EngineCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("integration")
class RemoteSpeechToTextConfigTest {
    @TempDir Path dir;

    @Test
    void none_by_default() throws Exception {
        assertThat(ConfigLoader.load(Map.of(), Map.of()).engines().remoteSpeechToText()).isNull();
    }

    @Test
    void yaml_under_engines_with_defaults_for_model_and_timeout() throws Exception {
        Path file = dir.resolve("timbre.yaml");
        Files.writeString(file, """
                engines:
                  speech_to_text: openai
                  remote_speech_to_text: {url: "http://gpu-host:8000", api_key: sk-1}
                """);
        TimbreConfig c = ConfigLoader.load(Map.of("config", file.toString()), Map.of());
        assertThat(c.engines().speechToText()).isEqualTo("openai");
        assertThat(c.engines().textToSpeech()).isEqualTo("marytts");
        assertThat(c.engines().remoteSpeechToText())
                .isEqualTo(new RemoteSpeechToText("http://gpu-host:8000", "sk-1", "whisper-1", 300));
        assertThat(c.engines().remoteSpeechToText().toString()).doesNotContain("sk-1");
    }

    @Test
    void the_environment_overrides_the_file() throws Exception {
        Path file = dir.resolve("timbre.yaml");
        Files.writeString(file, "engines: {remote_speech_to_text: {url: 'http://a:1', model: m1, timeout_seconds: 60}}\n");
        var env = Map.of("TIMBRE_STT_ENGINE", "openai", "TIMBRE_STT_URL", "http://b:2", "TIMBRE_STT_API_KEY", "k",
                "TIMBRE_STT_MODEL", "large-v3");
        TimbreConfig c = ConfigLoader.load(Map.of("config", file.toString()), env);
        assertThat(c.engines().speechToText()).isEqualTo("openai");
        assertThat(c.engines().remoteSpeechToText()).isEqualTo(new RemoteSpeechToText("http://b:2", "k", "large-v3", 60));
        assertThat(ConfigLoader.load(Map.of(), Map.of("TIMBRE_STT_URL", "http://c:3", "TIMBRE_TTS_ENGINE", "fake"))
                .engines().remoteSpeechToText()).isEqualTo(new RemoteSpeechToText("http://c:3", null, null, 0));
    }

    @Test
    void the_catalogue_knows_openai_and_refuses_it_without_a_url() {
        assertThat(EngineCatalog.speechToTextProviders()).contains("openai");
        try (EngineCatalog catalog = EngineCatalog.load(List.of("fake"), List.of())) {
            assertThatThrownBy(() -> catalog.loadSpeechToText("openai", null))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("TIMBRE_STT_URL");
            assertThatThrownBy(() -> catalog.loadSpeechToText("openai", new RemoteSpeechToText("gpu:8000", null, null, 0)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("http://");
            assertThat(catalog.loadSpeechToText("openai", new RemoteSpeechToText("http://127.0.0.1:9", null, null, 0))
                    .speechToText()).containsKey("openai");
        }
    }
}
