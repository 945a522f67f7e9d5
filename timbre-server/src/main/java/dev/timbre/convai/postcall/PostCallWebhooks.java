package dev.timbre.convai.postcall;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.timbre.common.Ids;
import dev.timbre.config.TimbreConfig;
import dev.timbre.http.Json;
import dev.timbre.jobs.JobKind;
import dev.timbre.jobs.Jobs;
import dev.timbre.jobs.Retries;
import dev.timbre.webhooks.WebhookSender;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Durable delivery of post-call webhooks: each event is a {@code webhook} row of {@code post_call_jobs} holding the
 * whole body ({@code type}, {@code event_timestamp}, {@code data}) and the status, and a durable job of kind
 * {@value #JOB_KIND} ({@code jobs.Jobs}, the row's id as the job's) POSTs it signed ({@link WebhookSender}; the
 * signature's time is the send time). A non-2xx answer, timeout or refused connection is a failed attempt, counted in
 * the row and tried again by the scheduler after {@code firstRetry}, doubling each time, up to {@code maxAttempts}
 * attempts; then the row is failed. A job runs on one node at a time and does nothing once its row is not pending, so
 * an event is sent twice only when a node dies between sending it and recording that it did.
 * The webhook is resolved for the body's {@code data.agent_id} at each attempt ({@link PostCallWebhookTargets}). ElevenLabs' auto-disable rule is
 * kept ({@link WebhookHealth}). A {@code post_call_audio} row holds the envelope only: its body is streamed from the
 * stored recording at each attempt ({@link PostCallAudio}). {@link #resumePending} at start-up schedules pending rows that have
 * no job. Never blocks callers beyond two row inserts (the row, its job).
 */
public final class PostCallWebhooks {
    private static final Logger log = LoggerFactory.getLogger(PostCallWebhooks.class);
    /** The job kind's name in {@code scheduled_tasks}: never rename it. */
    static final String JOB_KIND = "post-call-webhook";

    /** A delivery job's data; the job id is the row's {@code job_id}. */
    public record Delivery(String jobId) {}

    private final PostCallJobs jobs;
    private final Function<String, Optional<TimbreConfig.Webhook>> target;
    private final WebhookSender sender;
    private final WebhookHealth health;
    private final Clock clock;
    private final int maxAttempts;
    private final Duration firstRetry;
    private final StoredRecordings recordings;
    private final JobKind<Delivery> deliveries;

    /**
     * Registers the delivery job kind with {@code scheduler} (before it starts).
     *
     * @param target the webhook for an agent id (null when unknown) at the time of an attempt, empty when none
     * @param recordings the conversations' stored MP3s, streamed into {@code post_call_audio} bodies
     */
    public PostCallWebhooks(PostCallJobs jobs, Function<String, Optional<TimbreConfig.Webhook>> target, WebhookSender sender, Clock clock,
                            int maxAttempts, Duration firstRetry, StoredRecordings recordings, Jobs scheduler) {
        this.recordings = recordings;
        this.jobs = jobs;
        this.target = target;
        this.sender = sender;
        this.health = new WebhookHealth(jobs, clock);
        this.clock = clock;
        this.maxAttempts = maxAttempts;
        this.firstRetry = firstRetry;
        this.deliveries = scheduler.register(JOB_KIND, Delivery.class, new Retries(maxAttempts, firstRetry),
                (id, delivery) -> attempt(id), (id, delivery, cause) -> gaveUp(id, cause));
    }

    /** Without recordings: a {@code post_call_audio} job fails (there is no audio to send). */
    public PostCallWebhooks(PostCallJobs jobs, Function<String, Optional<TimbreConfig.Webhook>> target, WebhookSender sender, Clock clock,
                            int maxAttempts, Duration firstRetry, Jobs scheduler) {
        this(jobs, target, sender, clock, maxAttempts, firstRetry, id -> Optional.empty(), scheduler);
    }

    /** The envelope {@code {type, event_timestamp (unix s), data}} as a pending job row (not yet stored). */
    public PostCallJob event(String type, String conversationId, JsonNode data) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("type", type);
        body.put("event_timestamp", clock.instant().getEpochSecond());
        body.set("data", data);
        return PostCallJob.pending("pcw_" + Ids.random(), PostCallJob.WEBHOOK, conversationId, Json.write(body), clock.millis());
    }

    /** Stores the row and schedules its first attempt. */
    public void enqueue(PostCallJob job) {
        jobs.insert(job);
        schedule(job);
    }

    /**
     * Schedules the job of an already stored pending row for its {@code next_attempt_ms}; false when it has one
     * (scheduled or running on any node). A failure to schedule is logged: {@link #resumePending} catches it up.
     */
    public boolean schedule(PostCallJob job) {
        try {
            return deliveries.scheduleAt(job.jobId(), new Delivery(job.jobId()), Instant.ofEpochMilli(job.nextAttemptMs()));
        } catch (RuntimeException e) {
            log.warn("could not schedule post-call webhook {} now; it is scheduled at the next start: {}", job.jobId(), e.toString());
            return false;
        }
    }

    /**
     * Re-enables auto-disabled webhooks and schedules every pending row that has no job (at start-up: rows from
     * before the scheduler, or a stop between a row and its job). Returns how many it scheduled.
     */
    public int resumePending() {
        int enabled = jobs.enableAll();
        if (enabled > 0) log.info("re-enabled {} auto-disabled post-call webhooks at start-up", enabled);
        int scheduled = 0;
        for (PostCallJob job : jobs.pending(PostCallJob.WEBHOOK)) if (schedule(job)) scheduled++;
        if (scheduled > 0) log.info("scheduled {} pending post-call webhooks", scheduled);
        return scheduled;
    }

    /** Every attempt threw (not a failed delivery: those are counted by {@link #attempt}): the row is failed. */
    private void gaveUp(String jobId, Throwable cause) {
        jobs.find(jobId).filter(j -> j.state().equals(PostCallJob.PENDING)).ifPresent(j ->
                jobs.finish(jobId, PostCallJob.FAILED, j.attempts(), cause == null ? "webhook delivery failed" : cause.getMessage()));
    }

    /**
     * One attempt at row {@code jobId}, nothing when it is not pending. A failed delivery before the last attempt is
     * recorded in the row and thrown ({@link DeliveryFailed}) for the scheduler to try again; the last fails the row.
     * An interrupt (this node stopping) or a database error also throws: the job is tried again.
     */
    void attempt(String jobId) throws InterruptedException, java.io.IOException {
        PostCallJob job = jobs.find(jobId).filter(j -> j.state().equals(PostCallJob.PENDING)).orElse(null);
        if (job == null) return;
        JsonNode payload = Json.MAPPER.readTree(job.payload());
        JsonNode agentId = payload.at("/data/agent_id");
        Optional<TimbreConfig.Webhook> hook = target.apply(agentId.isTextual() ? agentId.asText() : null);
        if (hook.isEmpty()) {
            jobs.finish(jobId, PostCallJob.FAILED, job.attempts(), "no post-call webhook is configured any more");
            return;
        }
        if (health.disabled(hook.get().url())) {
            jobs.finish(jobId, PostCallJob.FAILED, job.attempts(), "the webhook is auto-disabled after repeated failures");
            return;
        }
        boolean audio = PostCallAudio.isAudio(payload);
        if (audio && !recorded(job.conversationId())) {
            jobs.finish(jobId, PostCallJob.FAILED, job.attempts(), "the conversation has no recording (any more)");
            return;
        }
        String failure = audio ? sender.send(hook.get(), PostCallAudio.body(payload, job.conversationId(), recordings))
                : sender.send(hook.get(), job.payload());
        int attempts = job.attempts() + 1;
        // Sent (or failed for good): the row is closed first, and nothing after it may make the job run again (a
        // health update that failed would have re-sent a delivered event: seen with two nodes racing for one URL).
        if (failure == null) {
            jobs.finish(jobId, PostCallJob.DONE, attempts, null);
            recordHealth(hook.get().url(), true);
        } else if (attempts >= maxAttempts) {
            log.warn("post-call webhook {} for conversation {} failed for good: {}", jobId, job.conversationId(), failure);
            jobs.finish(jobId, PostCallJob.FAILED, attempts, failure);
            recordHealth(hook.get().url(), false);
        } else {
            long next = clock.millis() + firstRetry.toMillis() * (1L << Math.min(attempts - 1, 20));
            jobs.retryLater(jobId, attempts, next, failure); // the scheduler's back-off waits the same
            throw new DeliveryFailed(failure);
        }
    }

    private void recordHealth(String url, boolean delivered) {
        try {
            if (delivered) health.delivered(url);
            else health.failed(url);
        } catch (RuntimeException e) {
            log.warn("could not record the delivery health of a post-call webhook: {}", e.toString());
        }
    }

    /** A failed delivery that will be tried again; its message is the row's {@code error}. */
    static final class DeliveryFailed extends RuntimeException {
        DeliveryFailed(String failure) {
            super(failure, null, false, false);
        }
    }

    private boolean recorded(String conversationId) throws java.io.IOException {
        Optional<java.io.InputStream> mp3 = recordings.open(conversationId);
        if (mp3.isPresent()) mp3.get().close();
        return mp3.isPresent();
    }
}
