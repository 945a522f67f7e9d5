package dev.timbre.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JobSettingsTest {
    @Test
    void defaults_and_environment() {
        assertThat(JobSettings.fromEnv(Map.of())).isEqualTo(JobSettings.DEFAULTS);
        assertThat(JobSettings.DEFAULTS.takeOverWithin()).isEqualTo(Duration.ofSeconds(31));
        JobSettings s = JobSettings.fromEnv(Map.of("TIMBRE_JOB_THREADS", "2", "TIMBRE_JOB_POLL_MS", "250",
                "TIMBRE_JOB_HEARTBEAT_SECONDS", "1", "TIMBRE_JOB_MISSED_HEARTBEATS", "4"));
        assertThat(s.threads()).isEqualTo(2);
        assertThat(s.pollInterval()).isEqualTo(Duration.ofMillis(250));
        assertThat(s.takeOverWithin()).isEqualTo(Duration.ofMillis(6250));
    }

    @Test
    void nonsense_is_refused_with_the_variable_named() {
        assertThatThrownBy(() -> JobSettings.fromEnv(Map.of("TIMBRE_JOB_THREADS", "0"))).hasMessageContaining("TIMBRE_JOB_THREADS");
        assertThatThrownBy(() -> JobSettings.fromEnv(Map.of("TIMBRE_JOB_POLL_MS", "soon"))).hasMessageContaining("TIMBRE_JOB_POLL_MS");
        assertThatThrownBy(() -> JobSettings.fromEnv(Map.of("TIMBRE_JOB_MISSED_HEARTBEATS", "3"))).hasMessageContaining("MISSED")
                .as("db-scheduler refuses fewer than 4 at start: refused here, named").hasMessageContaining("at least 4");
    }
}
