package dev.timbre.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("integration")
class EngineConfigTest {
    @TempDir Path dir;

    @Test
    void extra_engines_default_to_auto() throws Exception {
        TimbreConfig c = ConfigLoader.load(Map.of(), Map.of());
        assertThat(c.engines()).isEqualTo(new TimbreConfig.Engines("marytts", List.of("auto"), "auto"));
        assertThat(new TimbreConfig.Engines("fake").extraTextToSpeech()).containsExactly("auto");
    }

    @Test
    void yaml_takes_a_list_or_a_single_name() throws Exception {
        Path file = dir.resolve("timbre.yaml");
        Files.writeString(file, "engines: {text_to_speech: marytts, extra_text_to_speech: [espeak-ng, flite]}\n");
        assertThat(ConfigLoader.load(Map.of("config", file.toString()), Map.of()).engines().extraTextToSpeech())
                .containsExactly("espeak-ng", "flite");
        Files.writeString(file, "engines:\n  extra_text_to_speech: flite\n");
        TimbreConfig c = ConfigLoader.load(Map.of("config", file.toString()), Map.of());
        assertThat(c.engines()).isEqualTo(new TimbreConfig.Engines("marytts", List.of("flite"), "auto"));
        Files.writeString(file, "engines:\n  extra_text_to_speech: []\n");
        assertThat(ConfigLoader.load(Map.of("config", file.toString()), Map.of()).engines().extraTextToSpeech()).isEmpty();
    }

    @Test
    void the_environment_overrides_the_file() throws Exception {
        Path file = dir.resolve("timbre.yaml");
        Files.writeString(file, "engines: {extra_text_to_speech: [flite]}\n");
        var env = Map.of("TIMBRE_EXTRA_TTS_ENGINES", " espeak-ng, flite ", "TIMBRE_TTS_ENGINE", "fake");
        assertThat(ConfigLoader.load(Map.of("config", file.toString()), env).engines())
                .isEqualTo(new TimbreConfig.Engines("fake", List.of("espeak-ng", "flite"), "auto"));
        assertThat(ConfigLoader.load(Map.of(), Map.of("TIMBRE_EXTRA_TTS_ENGINES", "none")).engines().extraTextToSpeech()).isEmpty();
        assertThat(ConfigLoader.load(Map.of(), Map.of("TIMBRE_TTS_ENGINE", "fake")).engines().extraTextToSpeech()).containsExactly("auto");
    }

    @Test
    void the_node_role_comes_from_the_file_or_TIMBRE_ROLE() throws Exception {
        assertThat(ConfigLoader.load(Map.of(), Map.of()).engines().nodes()).isEqualTo(Nodes.DEFAULT);
        Path file = dir.resolve("timbre.yaml");
        Files.writeString(file, "engines: {nodes: {role: api, health_millis: 1500}}\n");
        assertThat(ConfigLoader.load(Map.of("config", file.toString()), Map.of()).engines().nodes())
                .isEqualTo(new Nodes("api", 1500));
        assertThat(ConfigLoader.load(Map.of("config", file.toString()), Map.of("TIMBRE_ROLE", "Engine")).engines().nodes())
                .isEqualTo(new Nodes("engine", 1500));
        assertThat(ConfigLoader.load(Map.of(), Map.of("TIMBRE_ENGINE_HEALTH_MILLIS", "250")).engines().nodes())
                .isEqualTo(new Nodes("all", 250));
    }
}
