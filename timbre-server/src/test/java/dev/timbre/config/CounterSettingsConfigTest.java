package dev.timbre.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** limits.counters in YAML and TIMBRE_LIMITS_STORE / TIMBRE_REDIS_URL in the environment, the environment winning. */
class CounterSettingsConfigTest {
    @TempDir
    Path dir;

    @Test
    void memoryOnH2DatabaseOnPostgresRedisWhenAUrlIsGiven() throws Exception {
        CounterSettings none = ConfigLoader.load(Map.of(), Map.of()).limits().counters();
        assertThat(none.resolve(false)).isEqualTo("memory");
        assertThat(none.resolve(true)).isEqualTo("database");
        CounterSettings redis = ConfigLoader.load(Map.of(), Map.of("TIMBRE_REDIS_URL", "redis://:secret@cache:6379/0")).limits().counters();
        assertThat(redis.resolve(true)).isEqualTo("redis");
        assertThat(redis.toString()).doesNotContain("secret");
        assertThat(ConfigLoader.load(Map.of(), Map.of("TIMBRE_LIMITS_STORE", "Database")).limits().counters().resolve(false)).isEqualTo("database");
    }

    @Test
    void yamlNamesTheStoreTheEnvironmentOverridesItAndMistakesAreNamed() throws Exception {
        Path file = dir.resolve("timbre.yaml");
        Files.writeString(file, """
                limits:
                  concurrent_conversations: 5
                  counters:
                    store: redis
                    redis_url: redis://127.0.0.1:6379
                """);
        TimbreConfig.Limits y = ConfigLoader.load(Map.of("config", file.toString()), Map.of()).limits();
        assertThat(y.concurrentConversations()).isEqualTo(5);
        assertThat(y.counters()).isEqualTo(new CounterSettings("redis", "redis://127.0.0.1:6379"));
        assertThat(ConfigLoader.load(Map.of("config", file.toString()), Map.of("TIMBRE_LIMITS_STORE", "memory"))
                .limits().counters().resolve(true)).isEqualTo("memory");
        assertThat(ConfigLoader.load(Map.of("config", file.toString()), Map.of("TIMBRE_CONCURRENT_CONVERSATIONS", "7"))
                .limits().counters().store()).isEqualTo("redis"); // kept by withConversations

        assertThatThrownBy(() -> ConfigLoader.load(Map.of(), Map.of("TIMBRE_LIMITS_STORE", "etcd")))
                .hasMessageContaining("must be memory, database or redis");
        CounterSettings noUrl = ConfigLoader.load(Map.of(), Map.of("TIMBRE_LIMITS_STORE", "redis")).limits().counters();
        assertThatThrownBy(() -> noUrl.resolve(false)).hasMessageContaining("TIMBRE_REDIS_URL");
    }
}
