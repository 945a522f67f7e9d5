package dev.timbre.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpeechToTextConfigTest {
    @TempDir Path dir;

    @Test
    void the_installed_sphinx_engine_and_no_webhook_by_default() throws Exception {
        TimbreConfig c = ConfigLoader.load(Map.of(), Map.of());
        assertThat(c.engines().speechToText()).isEqualTo("auto");
        assertThat(c.webhooks().speechToText()).isNull();
    }

    @Test
    void yaml_and_environment_set_the_engine_and_the_webhook() throws Exception {
        Path file = dir.resolve("timbre.yaml");
        Files.writeString(file, "engines: {speech_to_text: fake}\nwebhooks:\n  speech_to_text: {url: 'http://127.0.0.1:9/hook', secret: s3cret}\n");
        TimbreConfig c = ConfigLoader.load(Map.of("config", file.toString()), Map.of("TIMBRE_TTS_ENGINE", "fake"));
        assertThat(c.engines().speechToText()).isEqualTo("fake");
        assertThat(c.engines().textToSpeech()).isEqualTo("fake");
        assertThat(c.webhooks().speechToText()).isEqualTo(new TimbreConfig.Webhook("http://127.0.0.1:9/hook", "s3cret", null));
        assertThat(ConfigLoader.load(Map.of(), Map.of("TIMBRE_STT_ENGINE", "fake")).engines().speechToText()).isEqualTo("fake");
    }
}
