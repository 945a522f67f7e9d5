package dev.timbre.convai.postcall;

import dev.timbre.common.WorkerPools;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.timbre.common.Ids;
import dev.timbre.config.TimbreConfig;
import dev.timbre.http.Json;
import dev.timbre.webhooks.WebhookSender;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Durable delivery of post-call webhooks: each event is a {@code webhook} row of {@code post_call_jobs} holding the
 * whole body ({@code type}, {@code event_timestamp}, {@code data}); a pool of two daemon threads POSTs it signed
 * ({@link WebhookSender}; the signature's time is the send time). A non-2xx answer, timeout or refused connection is
 * retried after {@code firstRetry}, doubling each time, up to {@code maxAttempts} attempts; then the job is failed.
 * The webhook is resolved for the body's {@code data.agent_id} at each attempt ({@link PostCallWebhookTargets}). ElevenLabs' auto-disable rule is
 * kept ({@link WebhookHealth}). A {@code post_call_audio} row holds the envelope only: its body is streamed from the
 * stored recording at each attempt ({@link PostCallAudio}). {@link #resumePending} schedules the pending rows after a restart. Never blocks callers
 * beyond one row insert.
 */
public final class PostCallWebhooks implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(PostCallWebhooks.class);

    private final PostCallJobs jobs;
    private final Function<String, Optional<TimbreConfig.Webhook>> target;
    private final WebhookSender sender;
    private final WebhookHealth health;
    private final Clock clock;
    private final int maxAttempts;
    private final Duration firstRetry;
    private final StoredRecordings recordings;
    private final ScheduledExecutorService workers = new ScheduledThreadPoolExecutor(2, WorkerPools.daemon("post-call-webhooks"));

    /**
     * @param target the webhook for an agent id (null when unknown) at the time of an attempt, empty when none
     * @param recordings the conversations' stored MP3s, streamed into {@code post_call_audio} bodies
     */
    public PostCallWebhooks(PostCallJobs jobs, Function<String, Optional<TimbreConfig.Webhook>> target, WebhookSender sender, Clock clock,
                            int maxAttempts, Duration firstRetry, StoredRecordings recordings) {
        this.recordings = recordings;
        this.jobs = jobs;
        this.target = target;
        this.sender = sender;
        this.health = new WebhookHealth(jobs, clock);
        this.clock = clock;
        this.maxAttempts = maxAttempts;
        this.firstRetry = firstRetry;
    }

    /** Without recordings: a {@code post_call_audio} job fails (there is no audio to send). */
    public PostCallWebhooks(PostCallJobs jobs, Function<String, Optional<TimbreConfig.Webhook>> target, WebhookSender sender, Clock clock,
                            int maxAttempts, Duration firstRetry) {
        this(jobs, target, sender, clock, maxAttempts, firstRetry, id -> Optional.empty());
    }

    /** The envelope {@code {type, event_timestamp (unix s), data}} as a pending job row (not yet stored). */
    public PostCallJob event(String type, String conversationId, JsonNode data) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("type", type);
        body.put("event_timestamp", clock.instant().getEpochSecond());
        body.set("data", data);
        return PostCallJob.pending("pcw_" + Ids.random(), PostCallJob.WEBHOOK, conversationId, Json.write(body), clock.millis());
    }

    /** Stores the job and schedules its first attempt. */
    public void enqueue(PostCallJob job) {
        jobs.insert(job);
        schedule(job);
    }

    /** Schedules an already stored pending job for its {@code next_attempt_ms}. */
    public void schedule(PostCallJob job) {
        long delay = Math.max(0, job.nextAttemptMs() - clock.millis());
        workers.schedule(() -> attempt(job.jobId()), delay, TimeUnit.MILLISECONDS);
    }

    /** Re-enables auto-disabled webhooks and schedules every pending webhook job (at start-up). Returns how many. */
    public int resumePending() {
        int enabled = jobs.enableAll();
        if (enabled > 0) log.info("re-enabled {} auto-disabled post-call webhooks at start-up", enabled);
        List<PostCallJob> pending = jobs.pending(PostCallJob.WEBHOOK);
        pending.forEach(this::schedule);
        if (!pending.isEmpty()) log.info("resumed {} pending post-call webhooks", pending.size());
        return pending.size();
    }

    void attempt(String jobId) {
        try {
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
            if (failure == null) {
                health.delivered(hook.get().url());
                jobs.finish(jobId, PostCallJob.DONE, attempts, null);
            } else if (attempts >= maxAttempts) {
                log.warn("post-call webhook {} for conversation {} failed for good: {}", jobId, job.conversationId(), failure);
                health.failed(hook.get().url());
                jobs.finish(jobId, PostCallJob.FAILED, attempts, failure);
            } else {
                long next = clock.millis() + firstRetry.toMillis() * (1L << Math.min(attempts - 1, 20));
                jobs.retryLater(jobId, attempts, next, failure);
                workers.schedule(() -> attempt(jobId), next - clock.millis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // shutting down: the job stays pending and resumes at the next start
        } catch (RuntimeException | java.io.IOException e) {
            log.warn("post-call webhook job {} could not run; it stays pending until the next start: {}", jobId, e.toString());
        }
    }

    private boolean recorded(String conversationId) throws java.io.IOException {
        Optional<java.io.InputStream> mp3 = recordings.open(conversationId);
        if (mp3.isPresent()) mp3.get().close();
        return mp3.isPresent();
    }

    @Override
    public void close() {
        dev.timbre.common.WorkerPools.stop(workers);
    }
}
