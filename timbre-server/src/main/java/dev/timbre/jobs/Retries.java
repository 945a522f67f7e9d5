package dev.timbre.jobs;

import java.time.Duration;

/**
 * How often a job kind's failed attempts are tried again: at most {@code maxAttempts} attempts in all, the second
 * {@code firstDelay} after the first failed, each further one twice as long after the previous (db-scheduler's
 * exponential back-off). After the last one fails, the kind's give-up callback runs and the job is removed.
 */
public record Retries(int maxAttempts, Duration firstDelay) {
    public Retries {
        if (maxAttempts < 1) throw new IllegalArgumentException("maxAttempts must be at least 1");
        if (firstDelay.isNegative()) throw new IllegalArgumentException("firstDelay must not be negative");
    }
}
