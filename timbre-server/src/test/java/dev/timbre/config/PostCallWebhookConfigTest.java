package dev.timbre.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostCallWebhookConfigTest {
    @TempDir Path dir;

    @Test
    void none_by_default_then_yaml_then_environment() throws Exception {
        assertThat(ConfigLoader.load(Map.of(), Map.of()).webhooks().postCall()).isNull();
        Path file = dir.resolve("timbre.yaml");
        Files.writeString(file, "webhooks:\n  post_call: {url: 'http://127.0.0.1:9/calls', secret: s1, id: wh1}\n");
        TimbreConfig c = ConfigLoader.load(Map.of("config", file.toString()), Map.of());
        assertThat(c.webhooks().postCall()).isEqualTo(new TimbreConfig.Webhook("http://127.0.0.1:9/calls", "s1", "wh1"));
        assertThat(c.webhooks().speechToText()).isNull();
        TimbreConfig e = ConfigLoader.load(Map.of(), Map.of("TIMBRE_POST_CALL_WEBHOOK_URL", "http://h/calls", "TIMBRE_POST_CALL_WEBHOOK_SECRET", "s2"));
        assertThat(e.webhooks().postCall()).isEqualTo(new TimbreConfig.Webhook("http://h/calls", "s2", null));
    }
}
