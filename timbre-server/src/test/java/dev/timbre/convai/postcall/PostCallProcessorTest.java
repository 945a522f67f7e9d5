package dev.timbre.convai.postcall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.timbre.agent.transcript.Analysis;
import dev.timbre.config.TimbreConfig;
import dev.timbre.convai.llm.AgentLanguageModels;
import dev.timbre.db.Database;
import dev.timbre.engine.LanguageModel;
import dev.timbre.engine.rules.RuleLanguageModel;
import dev.timbre.http.Json;
import dev.timbre.jobs.Jobs;
import dev.timbre.testing.TestDatabases;
import dev.timbre.testing.TestJobs;
import dev.timbre.webhooks.WebhookSender;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** PostCallProcessor end to end: fake records and agents, a scripted model, real job table, a JDK HttpServer webhook. */
class PostCallProcessorTest {
    static final String SECRET = "wsec_processor";
    static final String TRANSCRIPT = """
            [{"role": "agent", "message": "Hi! How can I help?", "time_in_call_secs": 0},
             {"role": "user", "message": "Please cancel my order 77", "time_in_call_secs": 2},
             {"role": "agent", "message": "Order 77 is cancelled.", "time_in_call_secs": 6,
              "tool_calls": [{"type": "webhook", "request_id": "r1", "tool_name": "cancel_order", "params_as_json": "{}"}]}]""";

    WebhookReceiver receiver;
    FakeConversationRecords records = new FakeConversationRecords();
    Map<String, ObjectNode> agents = new java.util.concurrent.ConcurrentHashMap<>();
    AtomicReference<LanguageModel> model = new AtomicReference<>(new RuleLanguageModel());
    AtomicReference<TimbreConfig.Webhook> hook = new AtomicReference<>();

    @BeforeEach
    void start() throws Exception {
        receiver = new WebhookReceiver();
        hook.set(new TimbreConfig.Webhook(receiver.url(), SECRET, null));
        agents.put("agent_1", (ObjectNode) Json.MAPPER.readTree("""
                {"agent_id": "agent_1", "conversation_config": {"agent": {"language": "en", "prompt": {"llm": "gpt-4o-mini"}}},
                 "platform_settings": {"evaluation": {"criteria": [{"id": "cancelled", "name": "Cancelled", "type": "prompt",
                   "conversation_goal_prompt": "The order was cancelled"}]},
                   "data_collection": {"order_number": {"type": "integer", "description": "The order number"}}}}"""));
        records.add("conv_1", "agent_1", TRANSCRIPT);
    }

    @AfterEach
    void stop() {
        receiver.close();
    }

    /** A processor on {@code scheduler}, which it starts. */
    PostCallProcessor processor(Database db, Jobs scheduler) {
        PostCallJobs jobs = new PostCallJobs(db.jdbi());
        AgentLanguageModels models = prompt -> model.get();
        PostCallWebhooks webhooks = new PostCallWebhooks(jobs, agentId -> Optional.ofNullable(hook.get()),
                new WebhookSender(Clock.systemUTC(), Duration.ofSeconds(5)), Clock.systemUTC(), 3, Duration.ofMillis(50), scheduler);
        PostCallProcessor p = new PostCallProcessor(records, id -> Optional.ofNullable(agents.get(id)).map(ObjectNode::deepCopy), models,
                new ConversationAnalyser(Duration.ofSeconds(5)), jobs, webhooks, agent -> Optional.ofNullable(hook.get()), Clock.systemUTC(), scheduler);
        scheduler.start();
        return p;
    }

    /** The conversation's jobs once its analysis job is over (done or failed). */
    static java.util.List<PostCallJob> settledJobs(Database db, String conversationId) {
        PostCallJobs jobs = new PostCallJobs(db.jdbi());
        return await().atMost(Duration.ofSeconds(10)).until(() -> jobs.ofConversation(conversationId),
                all -> all.stream().noneMatch(j -> j.kind().equals(PostCallJob.ANALYSIS) && j.state().equals(PostCallJob.PENDING)));
    }

    Analysis awaitAnalysis(String conversationId) {
        await().atMost(Duration.ofSeconds(10)).until(() -> records.analyses.containsKey(conversationId) || records.failures.containsKey(conversationId));
        return records.analyses.get(conversationId);
    }

    @Test
    void an_ended_call_is_analysed_saved_and_posted() throws Exception {
        model.set(ScriptedModel.answering(
                "{\"results\": {\"cancelled\": {\"result\": \"success\", \"rationale\": \"The agent cancelled order 77.\"}}}",
                "{\"values\": {\"order_number\": {\"value\": 77, \"rationale\": \"Order 77.\"}}}",
                "{\"summary\": \"The user asked to cancel order 77 and the agent did.\", \"title\": \"Order cancellation\", \"call_successful\": \"success\"}"));
        try (Database db = TestDatabases.h2(); Jobs scheduler = TestJobs.on(db)) {
            PostCallProcessor p = processor(db, scheduler);
            p.conversationEnded("conv_1");
            JsonNode body = WebhookReceiver.verified(receiver.next(), SECRET);
            assertThat(body.get("type").asText()).isEqualTo("post_call_transcription");
            JsonNode data = body.get("data");
            assertThat(data.get("conversation_id").asText()).isEqualTo("conv_1");
            assertThat(data.get("agent_id").asText()).isEqualTo("agent_1");
            assertThat(data.get("status").asText()).isEqualTo("done");
            assertThat(data.at("/analysis/call_successful").asText()).isEqualTo("success");
            assertThat(data.at("/analysis/evaluation_criteria_results/cancelled/result").asText()).isEqualTo("success");
            assertThat(data.at("/analysis/data_collection_results/order_number/value").asLong()).isEqualTo(77);
            assertThat(data.at("/analysis/transcript_summary").asText()).contains("cancel order 77");
            assertThat(data.get("transcript")).hasSize(3);
            assertThat(data.get("has_audio").asBoolean(true)).isFalse();
            assertThat(records.analyses.get("conv_1").callSummaryTitle()).isEqualTo("Order cancellation");
        }
    }

    @Test
    void without_a_webhook_the_analysis_is_still_saved() throws Exception {
        hook.set(null);
        try (Database db = TestDatabases.h2(); Jobs scheduler = TestJobs.on(db)) {
            PostCallProcessor p = processor(db, scheduler);
            p.conversationEnded("conv_1");
            Analysis a = awaitAnalysis("conv_1");
            assertThat(a).isNotNull();
            assertThat(a.evaluationCriteriaResults().get("cancelled").result()).as("rule model: not an AI").isEqualTo("unknown");
            assertThat(a.dataCollectionResults().get("order_number").value()).isNull();
            assertThat(a.transcriptSummary()).contains("Please cancel my order 77", "Tools used: cancel_order");
            // The analysis job ends in the transaction that queues its webhooks: once it is over, none can follow.
            assertThat(settledJobs(db, "conv_1")).extracting(PostCallJob::kind).containsExactly(PostCallJob.ANALYSIS);
            assertThat(receiver.deliveries).isEmpty();
        }
    }

    @Test
    void a_failing_save_marks_the_conversation_failed_and_sends_nothing() throws Exception {
        records.failOnSave = new IllegalStateException("disk full");
        try (Database db = TestDatabases.h2(); Jobs scheduler = TestJobs.on(db)) {
            PostCallProcessor p = processor(db, scheduler);
            p.conversationEnded("conv_1");
            awaitAnalysis("conv_1");
            assertThat(records.failures.get("conv_1")).isEqualTo("post-call analysis failed: disk full");
            assertThat(records.conversations.get("conv_1").get("status").asText()).isEqualTo("failed");
            assertThat(settledJobs(db, "conv_1")).extracting(PostCallJob::kind).containsExactly(PostCallJob.ANALYSIS);
            assertThat(receiver.deliveries).isEmpty();
        }
    }

    @Test
    void an_unknown_conversation_is_dropped() throws Exception {
        try (Database db = TestDatabases.h2(); Jobs scheduler = TestJobs.on(db)) {
            PostCallProcessor p = processor(db, scheduler);
            p.conversationEnded("conv_missing");
            PostCallJobs jobs = new PostCallJobs(db.jdbi());
            await().atMost(Duration.ofSeconds(5)).until(() -> jobs.pending(PostCallJob.ANALYSIS).isEmpty());
            assertThat(records.failures).isEmpty();
        }
    }

    @Test
    void an_initiation_failure_is_posted() throws Exception {
        try (Database db = TestDatabases.h2(); Jobs scheduler = TestJobs.on(db)) {
            PostCallProcessor p = processor(db, scheduler);
            p.initiationFailed("agent_1", "conv_9", "busy");
            JsonNode body = WebhookReceiver.verified(receiver.next(), SECRET);
            assertThat(body.get("type").asText()).isEqualTo("call_initiation_failure");
            assertThat(body.at("/data/agent_id").asText()).isEqualTo("agent_1");
            assertThat(body.at("/data/conversation_id").asText()).isEqualTo("conv_9");
            assertThat(body.at("/data/failure_reason").asText()).isEqualTo("busy");
            p.initiationFailed("agent_1", "conv_10", "the LLM is unreachable");
            JsonNode other = WebhookReceiver.verified(receiver.next(), SECRET);
            assertThat(other.at("/data/failure_reason").asText()).isEqualTo("unknown");
            assertThat(other.at("/data/metadata/body/error_reason").asText()).isEqualTo("the LLM is unreachable");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.timbre.testing.TestDatabases#both")
    void pending_analyses_resume_after_a_restart(String kind) throws Exception {
        try (Database db = TestDatabases.open(kind)) {
            new PostCallJobs(db.jdbi()).insert(PostCallJob.pending("pca_left", PostCallJob.ANALYSIS, "conv_1", null, System.currentTimeMillis()));
            try (Jobs scheduler = TestJobs.on(db)) {
                PostCallProcessor restarted = processor(db, scheduler);
                assertThat(restarted.resumePending()).isEqualTo(1);
                JsonNode body = WebhookReceiver.verified(receiver.next(), SECRET);
                assertThat(body.at("/data/conversation_id").asText()).isEqualTo("conv_1");
                assertThat(body.at("/data/analysis/call_successful").asText()).isEqualTo("unknown");
                assertThat(new PostCallJobs(db.jdbi()).find("pca_left").orElseThrow().state()).isEqualTo(PostCallJob.DONE);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.timbre.testing.TestDatabases#both")
    void a_processing_conversation_without_a_job_is_analysed_after_a_restart(String kind) throws Exception {
        try (Database db = TestDatabases.open(kind); Jobs scheduler = TestJobs.on(db)) {
            PostCallProcessor restarted = processor(db, scheduler);
            // conv_1 ended (processing) but the process stopped before its analysis job was stored
            assertThat(restarted.resumePending()).isEqualTo(1);
            JsonNode body = WebhookReceiver.verified(receiver.next(), SECRET);
            assertThat(body.at("/data/conversation_id").asText()).isEqualTo("conv_1");
            assertThat(settledJobs(db, "conv_1")).filteredOn(j -> j.kind().equals(PostCallJob.ANALYSIS))
                    .singleElement().extracting(PostCallJob::state).isEqualTo(PostCallJob.DONE);
            assertThat(records.details("conv_1").orElseThrow().get("status").asText()).isEqualTo("done");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.timbre.testing.TestDatabases#both")
    void an_analysis_started_too_often_is_failed_instead_of_resumed(String kind) throws Exception {
        try (Database db = TestDatabases.open(kind)) {
            PostCallJobs jobs = new PostCallJobs(db.jdbi());
            PostCallJob left = PostCallJob.pending("pca_poison", PostCallJob.ANALYSIS, "conv_1", null, System.currentTimeMillis());
            jobs.insert(left);
            // each start of the process counts; the job never finished (it took the server down each time)
            for (int start = 1; start <= PostCallProcessor.MAX_ANALYSIS_STARTS; start++) {
                jobs.retryLater("pca_poison", start, left.nextAttemptMs(), null);
            }
            try (Jobs scheduler = TestJobs.on(db)) {
                PostCallProcessor restarted = processor(db, scheduler);
                assertThat(restarted.resumePending()).isZero();
            }
            PostCallJob failed = jobs.find("pca_poison").orElseThrow();
            assertThat(failed.state()).isEqualTo(PostCallJob.FAILED);
            assertThat(failed.error()).contains("did not finish");
            assertThat(records.failures).containsKey("conv_1");
            assertThat(records.details("conv_1").orElseThrow().get("status").asText()).isEqualTo("failed");
        }
    }
}
