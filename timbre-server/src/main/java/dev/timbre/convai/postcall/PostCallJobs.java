package dev.timbre.convai.postcall;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** SQL for {@code post_call_jobs} and {@code post_call_webhook_health} (V9). Thread-safe. */
public final class PostCallJobs {
    private static final String SELECT = "SELECT job_id, kind, conversation_id, state, payload, attempts, next_attempt_ms, "
            + "created_ms, error FROM post_call_jobs";

    private final Jdbi jdbi;

    public PostCallJobs(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public void insert(PostCallJob j) {
        jdbi.useHandle(h -> insert(h, j));
    }

    private static void insert(org.jdbi.v3.core.Handle h, PostCallJob j) {
        h.createUpdate("INSERT INTO post_call_jobs (job_id, kind, conversation_id, state, payload, attempts, next_attempt_ms, "
                        + "created_ms, error) VALUES (:jobId, :kind, :conversationId, :state, :payload, :attempts, :nextAttemptMs, :createdMs, :error)")
                .bindMethods(j).execute();
    }

    public Optional<PostCallJob> find(String jobId) {
        return jdbi.withHandle(h -> h.createQuery(SELECT + " WHERE job_id = :id").bind("id", jobId).map((rs, ctx) -> job(rs)).findOne());
    }

    /** Pending jobs of {@code kind}, oldest first. */
    public List<PostCallJob> pending(String kind) {
        return jdbi.withHandle(h -> h.createQuery(SELECT + " WHERE state = :state AND kind = :kind ORDER BY created_ms, job_id")
                .bind("state", PostCallJob.PENDING).bind("kind", kind).map((rs, ctx) -> job(rs)).list());
    }

    /** Every job of one conversation, any kind and state, oldest first. */
    public List<PostCallJob> ofConversation(String conversationId) {
        return jdbi.withHandle(h -> h.createQuery(SELECT + " WHERE conversation_id = :id ORDER BY created_ms, job_id")
                .bind("id", conversationId).map((rs, ctx) -> job(rs)).list());
    }

    /** A failed attempt that will be tried again at {@code nextAttemptMs}. */
    public void retryLater(String jobId, int attempts, long nextAttemptMs, String error) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE post_call_jobs SET attempts = :attempts, next_attempt_ms = :next, error = :error WHERE job_id = :id")
                .bind("attempts", attempts).bind("next", nextAttemptMs).bind("error", error).bind("id", jobId).execute());
    }

    /**
     * Counts one more start of a pending job, stored before the work so that a start the process never finished
     * still counts; returns the new count, or -1 when the job is not pending.
     */
    public int startAttempt(String jobId) {
        return jdbi.inTransaction(h -> {
            int n = h.createUpdate("UPDATE post_call_jobs SET attempts = attempts + 1 WHERE job_id = :id AND state = :state")
                    .bind("id", jobId).bind("state", PostCallJob.PENDING).execute();
            if (n == 0) return -1;
            return h.createQuery("SELECT attempts FROM post_call_jobs WHERE job_id = :id").bind("id", jobId).mapTo(Integer.class).one();
        });
    }

    /** The job is over: {@code state} is done or failed. */
    public void finish(String jobId, String state, int attempts, String error) {
        jdbi.useHandle(h -> finish(h, jobId, state, attempts, error));
    }

    private static void finish(org.jdbi.v3.core.Handle h, String jobId, String state, int attempts, String error) {
        h.createUpdate("UPDATE post_call_jobs SET state = :state, attempts = :attempts, error = :error WHERE job_id = :id")
                .bind("state", state).bind("attempts", attempts).bind("error", error).bind("id", jobId).execute();
    }

    /** In one transaction: the analysis job is done and the webhook jobs (those not null) are queued. */
    public void analysisDone(String analysisJobId, PostCallJob... webhooks) {
        jdbi.useTransaction(h -> {
            if (webhooks != null) for (PostCallJob webhook : webhooks) if (webhook != null) insert(h, webhook);
            finish(h, analysisJobId, PostCallJob.DONE, 1, null);
        });
    }

    /** Delivery health of one webhook URL; {@code lastSuccessMs} null when never delivered. */
    public record Health(String url, int consecutiveFailures, Long lastSuccessMs, boolean disabled) {}

    public Optional<Health> health(String url) {
        return jdbi.withHandle(h -> h.createQuery("SELECT url, consecutive_failures, last_success_ms, disabled FROM post_call_webhook_health WHERE url = :url")
                .bind("url", url)
                .map((rs, ctx) -> new Health(rs.getString(1), rs.getInt(2), (Long) rs.getObject(3, Long.class), rs.getBoolean(4)))
                .findOne());
    }

    /** Updates or inserts; when another node inserts the same URL's row meanwhile, updates that one. */
    public void saveHealth(Health s) {
        try {
            jdbi.useTransaction(h -> {
                if (updateHealth(h, s) == 0) {
                    h.createUpdate("INSERT INTO post_call_webhook_health (url, consecutive_failures, last_success_ms, disabled) "
                            + "VALUES (:url, :consecutiveFailures, :lastSuccessMs, :disabled)").bindMethods(s).execute();
                }
            });
        } catch (org.jdbi.v3.core.statement.UnableToExecuteStatementException e) {
            if (jdbi.withHandle(h -> updateHealth(h, s)) == 0) throw e;
        }
    }

    private static int updateHealth(org.jdbi.v3.core.Handle h, Health s) {
        return h.createUpdate("UPDATE post_call_webhook_health SET consecutive_failures = :consecutiveFailures, "
                + "last_success_ms = :lastSuccessMs, disabled = :disabled WHERE url = :url").bindMethods(s).execute();
    }

    /** Re-enables every auto-disabled webhook (at start-up: an operator restart is the manual re-enable); returns how many. */
    public int enableAll() {
        return jdbi.withHandle(h -> h.createUpdate("UPDATE post_call_webhook_health SET disabled = FALSE, consecutive_failures = 0 WHERE disabled")
                .execute());
    }

    private static PostCallJob job(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new PostCallJob(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getInt(6),
                rs.getLong(7), rs.getLong(8), rs.getString(9));
    }
}
