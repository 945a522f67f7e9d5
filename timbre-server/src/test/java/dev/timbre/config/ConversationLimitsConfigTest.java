package dev.timbre.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConversationLimitsConfigTest {
    @TempDir Path dir;

    @Test
    void defaultsThenYamlThenEnvironment() throws Exception {
        TimbreConfig.Limits d = ConfigLoader.load(Map.of(), Map.of()).limits();
        assertThat(d.concurrentConversations()).isEqualTo(20);
        assertThat(d.conversationConnectionsPerMinute()).isEqualTo(20);
        Path file = dir.resolve("timbre.yaml");
        Files.writeString(file, "limits:\n  concurrent_conversations: 5\n  conversation_connections_per_minute: 0\n");
        TimbreConfig.Limits y = ConfigLoader.load(Map.of("config", file.toString()), Map.of()).limits();
        assertThat(y.concurrentConversations()).isEqualTo(5);
        assertThat(y.conversationConnectionsPerMinute()).isZero();
        assertThat(y.maxBodyBytes()).isEqualTo(d.maxBodyBytes());
        TimbreConfig.Limits e = ConfigLoader.load(Map.of("config", file.toString()), Map.of("TIMBRE_CONCURRENT_CONVERSATIONS", " 7 ")).limits();
        assertThat(e.concurrentConversations()).isEqualTo(7);
        assertThat(e.conversationConnectionsPerMinute()).isZero();
    }

    @Test
    void badValuesStopTheStartWithTheirName() {
        assertThatThrownBy(() -> ConfigLoader.load(Map.of(), Map.of("TIMBRE_CONCURRENT_CONVERSATIONS", "many")))
                .hasMessageContaining("TIMBRE_CONCURRENT_CONVERSATIONS");
        assertThatThrownBy(() -> ConfigLoader.load(Map.of(), Map.of("TIMBRE_CONCURRENT_CONVERSATIONS", "0")))
                .hasMessageContaining("concurrent_conversations");
        assertThatThrownBy(() -> ConfigLoader.load(Map.of(), Map.of("TIMBRE_CONVERSATION_CONNECTIONS_PER_MINUTE", "-1")))
                .hasMessageContaining("conversation_connections_per_minute");
    }
}
