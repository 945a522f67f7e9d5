package dev.timbre.jobs;

import java.time.Duration;
import java.util.Map;

/**
 * How the shared job scheduler runs, from the environment: {@code TIMBRE_JOB_THREADS} (jobs running at once on this
 * node, default 4), {@code TIMBRE_JOB_POLL_MS} (how often the table is polled for due jobs, default 1000; a job
 * scheduled on this node for now starts at once regardless), {@code TIMBRE_JOB_HEARTBEAT_SECONDS} (how often a node
 * marks its running jobs alive, default 5) and {@code TIMBRE_JOB_MISSED_HEARTBEATS} (after how many missed heartbeats
 * another node takes a job over, default 4). A node that dies mid-job has its job started again elsewhere (or by itself
 * after a restart) within {@link #takeOverWithin()}: 31 s with the defaults.
 *
 * @param nodeName the name written as a running job's {@code picked_by}; null: the host name
 * @param shutdownWait how long {@code close()} lets running jobs finish before interrupting them
 */
public record JobSettings(int threads, Duration pollInterval, Duration heartbeatInterval, int missedHeartbeats, Duration shutdownWait,
                          String nodeName) {
    public static final JobSettings DEFAULTS = new JobSettings(4, Duration.ofSeconds(1), Duration.ofSeconds(5), 4, Duration.ofSeconds(5), null);

    public JobSettings {
        if (threads < 1 || threads > 64) throw new IllegalArgumentException("TIMBRE_JOB_THREADS must be 1-64, got " + threads);
        if (pollInterval.toMillis() < 10) throw new IllegalArgumentException("TIMBRE_JOB_POLL_MS must be at least 10");
        if (heartbeatInterval.toMillis() < 10) throw new IllegalArgumentException("TIMBRE_JOB_HEARTBEAT_SECONDS must be positive");
        if (missedHeartbeats < 4) throw new IllegalArgumentException("TIMBRE_JOB_MISSED_HEARTBEATS must be at least 4 (db-scheduler's least)");
    }

    public static JobSettings fromEnv(Map<String, String> env) {
        return new JobSettings(number(env, "TIMBRE_JOB_THREADS", DEFAULTS.threads),
                Duration.ofMillis(number(env, "TIMBRE_JOB_POLL_MS", (int) DEFAULTS.pollInterval.toMillis())),
                Duration.ofSeconds(number(env, "TIMBRE_JOB_HEARTBEAT_SECONDS", (int) DEFAULTS.heartbeatInterval.toSeconds())),
                number(env, "TIMBRE_JOB_MISSED_HEARTBEATS", DEFAULTS.missedHeartbeats), DEFAULTS.shutdownWait, null);
    }

    /**
     * The longest a job of a dead node waits before another node starts it again: the heartbeats it may miss, plus
     * the dead-execution check's period (two heartbeats), plus one poll.
     */
    public Duration takeOverWithin() {
        return heartbeatInterval.multipliedBy(missedHeartbeats + 2L).plus(pollInterval);
    }

    /** These settings with {@code name} as the node's name (tests run two nodes in one process). */
    public JobSettings withNodeName(String name) {
        return new JobSettings(threads, pollInterval, heartbeatInterval, missedHeartbeats, shutdownWait, name);
    }

    private static int number(Map<String, String> env, String key, int fallback) {
        String v = env.get(key);
        if (v == null || v.isBlank()) return fallback;
        try {
            return Integer.parseInt(v.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a whole number, got: " + v);
        }
    }
}
