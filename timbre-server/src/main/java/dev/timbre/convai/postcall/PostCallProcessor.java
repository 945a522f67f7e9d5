package dev.timbre.convai.postcall;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.timbre.common.Ids;
import dev.timbre.agent.transcript.Analysis;
import dev.timbre.config.TimbreConfig;
import dev.timbre.convai.conversations.ConversationRecords;
import dev.timbre.convai.conversations.PostCall;
import dev.timbre.convai.llm.AgentLanguageModels;
import dev.timbre.http.Json;
import dev.timbre.jobs.JobKind;
import dev.timbre.jobs.Jobs;
import dev.timbre.jobs.Retries;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link PostCall}: {@code conversationEnded} stores an {@code analysis} row and schedules its durable job (kind
 * {@value #ANALYSIS_KIND}, {@code jobs.Jobs}); the job reads the conversation, analyses it with the agent's language
 * model ({@link ConversationAnalyser}), saves the analysis ({@link ConversationRecords#saveAnalysis}) and, in the same
 * transaction that closes the row, queues a {@code post_call_transcription} webhook whose {@code data} is the
 * conversation as GET returns it, and, when the conversation has a recording and the agent's webhook settings ask for
 * audio, a {@code post_call_audio} webhook ({@link PostCallAudio}); their delivery jobs are scheduled right after. An
 * analysis that throws marks the conversation failed ({@link ConversationRecords#markFailed}); no webhook is sent for
 * it. Each start of an analysis is counted in its row first: the start after {@value #MAX_ANALYSIS_STARTS} that never
 * finished (each took its node down) fails it and its conversation. {@code initiationFailed} schedules a job (kind
 * {@value #INITIATION_KIND}) that queues a {@code call_initiation_failure} webhook. {@link #resumePending} at
 * start-up schedules pending rows that have no job.
 */
public final class PostCallProcessor implements PostCall {
    private static final Logger log = LoggerFactory.getLogger(PostCallProcessor.class);
    /** How many times one analysis may start before it is failed instead. */
    static final int MAX_ANALYSIS_STARTS = 3;
    /** Job kind names in {@code scheduled_tasks}: never rename them. */
    static final String ANALYSIS_KIND = "post-call-analysis", INITIATION_KIND = "post-call-initiation-failure";
    static final List<String> FAILURE_REASONS = List.of("busy", "no-answer", "unknown");

    /** An analysis job's data; the job id is the row's {@code job_id}. */
    public record AnalysisJob(String conversationId) {}

    /** A {@code call_initiation_failure} to queue. */
    public record InitiationFailure(String agentId, String conversationId, String reason) {}

    private final ConversationRecords records;
    private final Function<String, Optional<ObjectNode>> agents;
    private final AgentLanguageModels models;
    private final ConversationAnalyser analyser;
    private final PostCallJobs jobs;
    private final PostCallWebhooks webhooks;
    private final Function<JsonNode, Optional<TimbreConfig.Webhook>> target;
    private final Predicate<JsonNode> sendsAudio;
    private final Clock clock;
    private final JobKind<AnalysisJob> analyses;
    private final JobKind<InitiationFailure> initiationFailures;

    /**
     * Registers the analysis and initiation-failure job kinds with {@code scheduler} (before it starts).
     *
     * @param agents an agent's configuration with defaults ({@code GetAgentResponseModel}) by id, empty when unknown
     * @param target the post-call webhook for an agent's configuration (null when unknown), empty when none
     * @param sendsAudio whether an agent's configuration (null when unknown) asks for {@code post_call_audio} webhooks
     */
    public PostCallProcessor(ConversationRecords records, Function<String, Optional<ObjectNode>> agents, AgentLanguageModels models,
                             ConversationAnalyser analyser, PostCallJobs jobs, PostCallWebhooks webhooks,
                             Function<JsonNode, Optional<TimbreConfig.Webhook>> target, Predicate<JsonNode> sendsAudio, Clock clock,
                             Jobs scheduler) {
        this.sendsAudio = sendsAudio;
        this.records = records;
        this.agents = agents;
        this.models = models;
        this.analyser = analyser;
        this.jobs = jobs;
        this.webhooks = webhooks;
        this.target = target;
        this.clock = clock;
        this.analyses = scheduler.register(ANALYSIS_KIND, AnalysisJob.class, new Retries(MAX_ANALYSIS_STARTS, java.time.Duration.ofSeconds(10)),
                (id, job) -> analyse(id), (id, job, cause) -> gaveUp(id, job.conversationId(), cause));
        this.initiationFailures = scheduler.register(INITIATION_KIND, InitiationFailure.class, new Retries(3, java.time.Duration.ofSeconds(10)),
                (id, f) -> queueInitiationFailure(f.agentId(), f.conversationId(), f.reason()),
                (id, f, cause) -> log.warn("the call_initiation_failure webhook of conversation {} is dropped: {}", f.conversationId(), cause == null ? "" : cause.toString()));
    }

    /** Never sends {@code post_call_audio}. */
    public PostCallProcessor(ConversationRecords records, Function<String, Optional<ObjectNode>> agents, AgentLanguageModels models,
                             ConversationAnalyser analyser, PostCallJobs jobs, PostCallWebhooks webhooks,
                             Function<JsonNode, Optional<TimbreConfig.Webhook>> target, Clock clock, Jobs scheduler) {
        this(records, agents, models, analyser, jobs, webhooks, target, agent -> false, clock, scheduler);
    }

    @Override
    public void conversationEnded(String conversationId) {
        PostCallJob job = PostCallJob.pending("pca_" + Ids.random(), PostCallJob.ANALYSIS, conversationId, null, clock.millis());
        jobs.insert(job);
        schedule(job);
    }

    @Override
    public void initiationFailed(String agentId, String conversationId, String reason) {
        try {
            initiationFailures.schedule("pci_" + Ids.random(), new InitiationFailure(agentId, conversationId, reason));
        } catch (RuntimeException e) {
            log.warn("could not schedule the call_initiation_failure webhook of conversation {}: {}", conversationId, e.toString());
        }
    }

    private void queueInitiationFailure(String agentId, String conversationId, String reason) {
        ObjectNode data = Json.MAPPER.createObjectNode();
        data.put("agent_id", agentId);
        data.put("conversation_id", conversationId);
        data.put("failure_reason", reason != null && FAILURE_REASONS.contains(reason) ? reason : "unknown");
        ObjectNode metadata = data.putObject("metadata");
        metadata.put("type", "websocket");
        metadata.putObject("body").put("error_reason", reason == null ? "" : reason);
        if (target.apply(agents.apply(agentId).orElse(null)).isEmpty()) return;
        webhooks.enqueue(webhooks.event("call_initiation_failure", conversationId, data));
    }

    /**
     * Schedules every pending webhook and analysis row that has no job (at start-up, once: rows from before the
     * scheduler, or a stop between a row and its job). Returns how many. An analysis row already started
     * {@link #MAX_ANALYSIS_STARTS} times and not running anywhere is failed instead, with its conversation. A
     * {@code processing} conversation with no pending analysis (the previous process stopped between ending the call
     * and storing its row) gets a new one, so no conversation stays {@code processing}.
     */
    public int resumePending() {
        int hooks = webhooks.resumePending();
        List<PostCallJob> pending = new java.util.ArrayList<>(jobs.pending(PostCallJob.ANALYSIS));
        java.util.Set<String> analysed = new java.util.HashSet<>();
        pending.forEach(j -> analysed.add(j.conversationId()));
        for (String conversationId : records.processing()) {
            if (analysed.contains(conversationId)) continue;
            PostCallJob job = PostCallJob.pending("pca_" + Ids.random(), PostCallJob.ANALYSIS, conversationId, null, clock.millis());
            jobs.insert(job);
            pending.add(job);
        }
        int resumed = 0;
        for (PostCallJob job : pending) {
            if (job.attempts() >= MAX_ANALYSIS_STARTS && !analyses.isScheduled(job.jobId())) {
                fail(job.jobId(), job.conversationId(), job.attempts(), "post-call analysis did not finish in " + MAX_ANALYSIS_STARTS + " attempts");
                continue;
            }
            if (schedule(job)) resumed++;
        }
        if (resumed > 0) log.info("scheduled {} pending post-call analyses", resumed);
        return hooks + resumed;
    }

    private boolean schedule(PostCallJob job) {
        try {
            return analyses.schedule(job.jobId(), new AnalysisJob(job.conversationId()));
        } catch (RuntimeException e) {
            log.warn("could not schedule the analysis of conversation {} now; it is scheduled at the next start: {}", job.conversationId(), e.toString());
            return false;
        }
    }

    /** Every start of analysis {@code jobId} threw (its database was unavailable): the row and conversation fail. */
    private void gaveUp(String jobId, String conversationId, Throwable cause) {
        jobs.find(jobId).filter(j -> j.state().equals(PostCallJob.PENDING)).ifPresent(j ->
                fail(jobId, conversationId, j.attempts(), "post-call analysis failed: " + (cause == null ? "unknown" : cause.getMessage())));
    }

    private void fail(String jobId, String conversationId, int attempts, String reason) {
        records.markFailed(conversationId, reason);
        jobs.finish(jobId, PostCallJob.FAILED, attempts, reason);
    }

    /** One start of analysis row {@code jobId}; throws (to be tried again) when interrupted. */
    void analyse(String jobId) throws InterruptedException {
        PostCallJob job = jobs.find(jobId).filter(j -> j.state().equals(PostCallJob.PENDING)).orElse(null);
        if (job == null) return;
        int starts = jobs.startAttempt(jobId);
        if (starts < 0) return;
        String id = job.conversationId();
        if (starts > MAX_ANALYSIS_STARTS) {
            log.warn("post-call analysis of conversation {} started {} times without finishing; failing it", id, starts - 1);
            fail(jobId, id, starts, "post-call analysis did not finish in " + MAX_ANALYSIS_STARTS + " attempts");
            return;
        }
        try {
            Optional<ObjectNode> details = records.details(id);
            if (details.isEmpty()) {
                jobs.finish(jobId, PostCallJob.FAILED, starts, "conversation not found");
                return;
            }
            String agentId = details.get().path("agent_id").asText(null);
            ObjectNode agent = agentId == null ? null : agents.apply(agentId).orElse(null);
            JsonNode prompt = agent == null ? Json.MAPPER.createObjectNode() : agent.at("/conversation_config/agent/prompt");
            Analysis analysis = analyser.analyse(TranscriptText.fromJson(details.get().path("transcript")), AnalysisSettings.of(agent),
                    models.forPrompt(prompt));
            if (Thread.currentThread().isInterrupted()) throw new InterruptedException("stopping: analysis " + jobId + " is tried again later");
            records.saveAnalysis(id, analysis);
            PostCallJob hook = null, audio = null;
            if (target.apply(agent).isPresent()) {
                ObjectNode data = records.details(id).orElse(details.get());
                for (String f : List.of("has_audio", "has_user_audio", "has_response_audio")) if (!data.has(f)) data.put(f, false);
                hook = webhooks.event("post_call_transcription", id, data);
                if (data.path("has_audio").asBoolean(false) && sendsAudio.test(agent)) audio = PostCallAudio.event(webhooks, agentId, id);
            }
            jobs.analysisDone(jobId, hook, audio);
            if (hook != null) webhooks.schedule(hook);
            if (audio != null) webhooks.schedule(audio);
        } catch (RuntimeException e) {
            if (Thread.currentThread().isInterrupted()) throw new InterruptedException("stopping: analysis " + jobId + " is tried again later");
            log.warn("post-call analysis of conversation {} failed", id, e);
            String reason = "post-call analysis failed: " + e.getMessage();
            try {
                fail(jobId, id, starts, reason);
            } catch (RuntimeException again) {
                log.warn("could not record the failure of conversation {}: {}", id, again.toString());
                throw again; // tried again: the row is still pending
            }
        }
    }
}
