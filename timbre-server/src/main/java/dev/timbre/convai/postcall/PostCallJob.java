package dev.timbre.convai.postcall;

/**
 * A row of {@code post_call_jobs}.
 *
 * @param kind {@link #ANALYSIS} or {@link #WEBHOOK}
 * @param payload the webhook body (JSON) for {@link #WEBHOOK} jobs; null for analysis
 * @param attempts delivery attempts made so far
 * @param nextAttemptMs unix ms before which the job does not run again
 */
public record PostCallJob(String jobId, String kind, String conversationId, String state, String payload, int attempts,
                          long nextAttemptMs, long createdMs, String error) {
    public static final String ANALYSIS = "analysis", WEBHOOK = "webhook";
    public static final String PENDING = "pending", DONE = "done", FAILED = "failed";

    public static PostCallJob pending(String jobId, String kind, String conversationId, String payload, long nowMs) {
        return new PostCallJob(jobId, kind, conversationId, PENDING, payload, 0, nowMs, nowMs, null);
    }
}
