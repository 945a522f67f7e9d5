package dev.timbre.convai.postcall;

import java.time.Clock;
import java.time.Duration;

/**
 * ElevenLabs' auto-disable rule for webhooks: one that has 10 or more consecutive failed events and whose last
 * successful delivery was more than 7 days ago (or never) is disabled; it is re-enabled at the next start-up
 * ({@link PostCallJobs#enableAll}), the operator's restart standing in for "re-enable from the settings page". An
 * event that failed after all its retries counts once. Kept per URL in {@code post_call_webhook_health}.
 */
final class WebhookHealth {
    static final int FAILURES_TO_DISABLE = 10;
    static final Duration SUCCESS_WINDOW = Duration.ofDays(7);

    private final PostCallJobs jobs;
    private final Clock clock;

    WebhookHealth(PostCallJobs jobs, Clock clock) {
        this.jobs = jobs;
        this.clock = clock;
    }

    boolean disabled(String url) {
        return jobs.health(url).map(PostCallJobs.Health::disabled).orElse(false);
    }

    synchronized void delivered(String url) {
        jobs.saveHealth(new PostCallJobs.Health(url, 0, clock.millis(), false));
    }

    synchronized void failed(String url) {
        PostCallJobs.Health h = jobs.health(url).orElse(new PostCallJobs.Health(url, 0, null, false));
        int failures = h.consecutiveFailures() + 1;
        boolean stale = h.lastSuccessMs() == null || clock.millis() - h.lastSuccessMs() > SUCCESS_WINDOW.toMillis();
        jobs.saveHealth(new PostCallJobs.Health(url, failures, h.lastSuccessMs(), h.disabled() || (failures >= FAILURES_TO_DISABLE && stale)));
    }
}
