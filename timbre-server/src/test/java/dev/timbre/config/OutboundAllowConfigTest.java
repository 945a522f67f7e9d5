package dev.timbre.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutboundAllowConfigTest {
    @TempDir Path dir;

    @Test
    void empty_by_default_then_yaml_then_the_environment_replaces_it() throws Exception {
        assertThat(ConfigLoader.load(Map.of(), Map.of()).network().outboundAllow()).isEmpty();
        Path list = dir.resolve("list.yaml");
        Files.writeString(list, "network:\n  outbound_allow: ['127.0.0.1:11434', 10.0.0.0/8]\n");
        assertThat(ConfigLoader.load(Map.of("config", list.toString()), Map.of()).network().outboundAllow())
                .containsExactly("127.0.0.1:11434", "10.0.0.0/8");
        Path one = dir.resolve("one.yaml");
        Files.writeString(one, "network:\n  outbound_allow: 'localhost:11434,fd00::/8'\n");
        assertThat(ConfigLoader.load(Map.of("config", one.toString()), Map.of()).network().outboundAllow())
                .containsExactly("localhost:11434,fd00::/8");
        TimbreConfig env = ConfigLoader.load(Map.of("config", list.toString()), Map.of("TIMBRE_OUTBOUND_ALLOW", "127.0.0.1:11434,10.0.0.0/8"));
        assertThat(env.network().outboundAllow()).isEqualTo(List.of("127.0.0.1:11434,10.0.0.0/8"));
    }

    @Test
    void a_bad_entry_fails_start_up_and_is_named() {
        assertThatThrownBy(() -> ConfigLoader.load(Map.of(), Map.of("TIMBRE_OUTBOUND_ALLOW", "127.0.0.1,10.0.0.0/40")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'10.0.0.0/40'");
    }
}
