package dev.timbre.convai.postcall;

import dev.timbre.common.WorkerPools;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.timbre.common.Ids;
import dev.timbre.agent.transcript.Analysis;
import dev.timbre.config.TimbreConfig;
import dev.timbre.convai.conversations.ConversationRecords;
import dev.timbre.convai.conversations.PostCall;
import dev.timbre.convai.llm.AgentLanguageModels;
import dev.timbre.http.Json;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link PostCall}: {@code conversationEnded} stores an {@code analysis} job and returns; two daemon workers (queue of
 * 1000; beyond that a job waits in the table for the next start) read the conversation, analyse it with the agent's
 * language model ({@link ConversationAnalyser}), save the analysis ({@link ConversationRecords#saveAnalysis}) and,
 * in the same transaction that closes the job, queue a {@code post_call_transcription} webhook whose {@code data} is
 * the conversation as GET returns it, and, when the conversation has a recording and the agent's webhook settings ask
 * for audio, a {@code post_call_audio} webhook ({@link PostCallAudio}). An analysis that throws marks the conversation failed
 * ({@link ConversationRecords#markFailed}); no webhook is sent for it. {@code initiationFailed} queues a
 * {@code call_initiation_failure} webhook (queued by a worker, so the caller never waits on the database). Pending
 * work resumes at start-up ({@link #resumePending}).
 */
public final class PostCallProcessor implements PostCall, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(PostCallProcessor.class);
    /** How many times a process may start one analysis before a restart gives up on it. */
    static final int MAX_ANALYSIS_STARTS = 3;
    static final List<String> FAILURE_REASONS = List.of("busy", "no-answer", "unknown");

    private final ConversationRecords records;
    private final Function<String, Optional<ObjectNode>> agents;
    private final AgentLanguageModels models;
    private final ConversationAnalyser analyser;
    private final PostCallJobs jobs;
    private final PostCallWebhooks webhooks;
    private final Function<JsonNode, Optional<TimbreConfig.Webhook>> target;
    private final Predicate<JsonNode> sendsAudio;
    private final Clock clock;
    private final ThreadPoolExecutor workers = new ThreadPoolExecutor(2, 2, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(1000), WorkerPools.daemon("post-call-analysis"));

    /**
     * @param agents an agent's configuration with defaults ({@code GetAgentResponseModel}) by id, empty when unknown
     * @param target the post-call webhook for an agent's configuration (null when unknown), empty when none
     * @param sendsAudio whether an agent's configuration (null when unknown) asks for {@code post_call_audio} webhooks
     */
    public PostCallProcessor(ConversationRecords records, Function<String, Optional<ObjectNode>> agents, AgentLanguageModels models,
                             ConversationAnalyser analyser, PostCallJobs jobs, PostCallWebhooks webhooks,
                             Function<JsonNode, Optional<TimbreConfig.Webhook>> target, Predicate<JsonNode> sendsAudio, Clock clock) {
        this.sendsAudio = sendsAudio;
        this.records = records;
        this.agents = agents;
        this.models = models;
        this.analyser = analyser;
        this.jobs = jobs;
        this.webhooks = webhooks;
        this.target = target;
        this.clock = clock;
    }

    /** Never sends {@code post_call_audio}. */
    public PostCallProcessor(ConversationRecords records, Function<String, Optional<ObjectNode>> agents, AgentLanguageModels models,
                             ConversationAnalyser analyser, PostCallJobs jobs, PostCallWebhooks webhooks,
                             Function<JsonNode, Optional<TimbreConfig.Webhook>> target, Clock clock) {
        this(records, agents, models, analyser, jobs, webhooks, target, agent -> false, clock);
    }

    @Override
    public void conversationEnded(String conversationId) {
        PostCallJob job = PostCallJob.pending("pca_" + Ids.random(), PostCallJob.ANALYSIS, conversationId, null, clock.millis());
        jobs.insert(job);
        submit(job);
    }

    @Override
    public void initiationFailed(String agentId, String conversationId, String reason) {
        try {
            workers.execute(() -> {
                try {
                    queueInitiationFailure(agentId, conversationId, reason);
                } catch (RuntimeException e) {
                    log.warn("could not queue the call_initiation_failure webhook of conversation {}: {}", conversationId, e.toString());
                }
            });
        } catch (RejectedExecutionException e) {
            log.warn("post-call queue full; the call_initiation_failure webhook of conversation {} is dropped", conversationId);
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
     * Queues every pending webhook and analysis job (at start-up, once). Returns how many. Webhooks first: a resumed
     * analysis queues its own webhook, which must not be picked up a second time. Each resume of an analysis counts
     * as an attempt: one that has been started {@link #MAX_ANALYSIS_STARTS} times without finishing (it stopped the
     * server every time) is failed instead, with its conversation. A {@code processing} conversation with no pending
     * analysis (the previous process stopped between ending the call and queueing its job) gets a new one, so no
     * conversation stays {@code processing}.
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
            int starts = job.attempts() + 1;
            if (starts > MAX_ANALYSIS_STARTS) {
                String reason = "post-call analysis did not finish in " + MAX_ANALYSIS_STARTS + " attempts";
                records.markFailed(job.conversationId(), reason);
                jobs.finish(job.jobId(), PostCallJob.FAILED, job.attempts(), reason);
                continue;
            }
            jobs.retryLater(job.jobId(), starts, job.nextAttemptMs(), job.error());
            submit(job);
            resumed++;
        }
        if (resumed > 0) log.info("resumed {} pending post-call analyses", resumed);
        return hooks + resumed;
    }

    private void submit(PostCallJob job) {
        try {
            workers.execute(() -> analyse(job));
        } catch (RejectedExecutionException e) {
            log.warn("post-call queue full; conversation {} will be analysed at the next start", job.conversationId());
        }
    }

    void analyse(PostCallJob job) {
        String id = job.conversationId();
        try {
            Optional<ObjectNode> details = records.details(id);
            if (details.isEmpty()) {
                jobs.finish(job.jobId(), PostCallJob.FAILED, 1, "conversation not found");
                return;
            }
            String agentId = details.get().path("agent_id").asText(null);
            ObjectNode agent = agentId == null ? null : agents.apply(agentId).orElse(null);
            JsonNode prompt = agent == null ? Json.MAPPER.createObjectNode() : agent.at("/conversation_config/agent/prompt");
            Analysis analysis = analyser.analyse(TranscriptText.fromJson(details.get().path("transcript")), AnalysisSettings.of(agent),
                    models.forPrompt(prompt));
            if (Thread.currentThread().isInterrupted()) return; // shutting down: stays pending, analysed again at the next start
            records.saveAnalysis(id, analysis);
            PostCallJob hook = null, audio = null;
            if (target.apply(agent).isPresent()) {
                ObjectNode data = records.details(id).orElse(details.get());
                for (String f : List.of("has_audio", "has_user_audio", "has_response_audio")) if (!data.has(f)) data.put(f, false);
                hook = webhooks.event("post_call_transcription", id, data);
                if (data.path("has_audio").asBoolean(false) && sendsAudio.test(agent)) audio = PostCallAudio.event(webhooks, agentId, id);
            }
            jobs.analysisDone(job.jobId(), hook, audio);
            if (hook != null) webhooks.schedule(hook);
            if (audio != null) webhooks.schedule(audio);
        } catch (RuntimeException e) {
            log.warn("post-call analysis of conversation {} failed", id, e);
            String reason = "post-call analysis failed: " + e.getMessage();
            try {
                records.markFailed(id, reason);
                jobs.finish(job.jobId(), PostCallJob.FAILED, 1, reason);
            } catch (RuntimeException again) {
                log.warn("could not record the failure of conversation {}: {}", id, again.toString());
            }
        }
    }

    @Override
    public void close() {
        dev.timbre.common.WorkerPools.stop(workers);
        webhooks.close();
    }
}
