package dev.timbre.convai.conversations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.timbre.agent.transcript.Analysis;
import dev.timbre.agent.transcript.TranscriptEntry;
import dev.timbre.db.Database;
import dev.timbre.http.Json;
import dev.timbre.testing.TestDatabases;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ConversationsServiceTest {
    static final Instant START = Instant.ofEpochSecond(1_700_000_000);

    Database db;
    ConversationsService service;

    @BeforeEach
    void open() {
        db = TestDatabases.h2();
        service = new ConversationsService(new ConversationRepository(db.jdbi()), Clock.fixed(START.plusSeconds(5), ZoneOffset.UTC));
    }

    @AfterEach
    void close() { db.close(); }

    static ConversationStart start(String id) {
        ObjectNode data = Json.MAPPER.createObjectNode().put("type", "conversation_initiation_client_data").put("user_id", "u1");
        data.putObject("dynamic_variables").put("system__conversation_id", id);
        return new ConversationStart(id, "agent_x", "Support", "u1", START, true, "js_sdk", "1.25.0", "api_key", data, "en");
    }

    static List<TranscriptEntry> turns(int agentMessages) {
        List<TranscriptEntry> t = new ArrayList<>();
        for (int i = 0; i < agentMessages; i++) {
            t.add(TranscriptEntry.user("question " + i, 2 * i, "text"));
            t.add(TranscriptEntry.agent("answer " + i, 2 * i + 1));
        }
        return t;
    }

    @Test
    void a_call_without_post_call_work_goes_from_in_progress_to_done() {
        service.started(start("conv_a"));
        ObjectNode started = service.details("conv_a").orElseThrow();
        assertThat(started.get("status").asText()).isEqualTo("in-progress");
        assertThat(started.at("/metadata/authorization_method").asText()).isEqualTo("authorization_header");
        assertThat(started.at("/metadata/conversation_initiation_source").asText()).isEqualTo("js_sdk");
        assertThat(started.at("/metadata/conversation_initiation_source_version").asText()).isEqualTo("1.25.0");
        assertThat(started.at("/conversation_initiation_client_data/user_id").asText()).isEqualTo("u1");
        assertThat(started.path("conversation_initiation_client_data").has("type")).isFalse();

        service.updated("conv_a", turns(1));
        ObjectNode updated = service.details("conv_a").orElseThrow();
        assertThat(updated.get("transcript")).hasSize(2);
        assertThat(updated.at("/metadata/call_duration_secs").asInt()).isEqualTo(5);

        service.ended("conv_a", new ConversationEnd(START.plusSeconds(61), turns(2), "Client disconnected: 1000", null, null));
        ObjectNode done = service.details("conv_a").orElseThrow();
        assertThat(done.get("status").asText()).isEqualTo("done");
        assertThat(done.get("transcript")).hasSize(4);
        assertThat(done.at("/metadata/call_duration_secs").asInt()).isEqualTo(61);
        assertThat(done.at("/metadata/termination_reason").asText()).isEqualTo("Client disconnected: 1000");
        assertThat(done.at("/metadata/error").isNull()).isTrue();
        assertThat(done.get("analysis").isNull()).isTrue();
        assertThat(service.list(ConversationQuery.firstPage(10)).conversations().get(0))
                .extracting(ConversationSummary::callSuccessful, ConversationSummary::messageCount).containsExactly("unknown", 4);
    }

    @Test
    void ended_stores_processing_then_calls_post_call_which_saves_the_analysis() {
        List<String> seen = new ArrayList<>();
        service.postCall(new PostCall() {
            @Override public void conversationEnded(String id) { seen.add(id + ":" + service.details(id).orElseThrow().get("status").asText()); }
            @Override public void initiationFailed(String agentId, String id, String reason) {}
        });
        service.started(start("conv_b"));
        service.ended("conv_b", new ConversationEnd(START.plusSeconds(10), turns(1), "Error", 1011, "LLM failed"));
        assertThat(seen).containsExactly("conv_b:processing");
        ObjectNode processing = service.details("conv_b").orElseThrow();
        assertThat(processing.get("status").asText()).isEqualTo("processing");
        assertThat(processing.at("/metadata/error/code").asInt()).isEqualTo(1011);
        assertThat(processing.at("/metadata/error/reason").asText()).isEqualTo("LLM failed");

        Analysis analysis = new Analysis(Map.of("polite", new Analysis.CriterionResult("polite", "success", null)),
                Map.of("city", new Analysis.DataCollectionResult("city", "Oslo", Map.of("type", "string"), "said so")),
                "success", "The user asked twice.", "Weather");
        service.saveAnalysis("conv_b", analysis);
        ObjectNode done = service.details("conv_b").orElseThrow();
        assertThat(done.get("status").asText()).isEqualTo("done");
        assertThat(done.at("/analysis/call_successful").asText()).isEqualTo("success");
        assertThat(done.at("/analysis/evaluation_criteria_results/polite/rationale").asText()).isEmpty();
        assertThat(done.at("/analysis/data_collection_results/city/value").asText()).isEqualTo("Oslo");
        assertThat(done.at("/analysis/data_collection_results/city/json_schema/type").asText()).isEqualTo("string");
        ConversationSummary summary = service.list(new ConversationQuery(10, null, "success", null, null, null, true, null)).conversations().get(0);
        assertThat(summary.transcriptSummary()).isEqualTo("The user asked twice.");
        assertThat(summary.callSummaryTitle()).isEqualTo("Weather");

        service.markFailed("conv_b", "webhook unreachable");
        ObjectNode failed = service.details("conv_b").orElseThrow();
        assertThat(failed.get("status").asText()).isEqualTo("failed");
        assertThat(failed.at("/metadata/error/code").asInt()).isEqualTo(1011);
        assertThat(failed.at("/metadata/error/reason").asText()).isEqualTo("webhook unreachable");
    }

    @Test
    void a_post_call_hook_that_throws_marks_the_conversation_failed() {
        service.postCall(new PostCall() {
            @Override public void conversationEnded(String id) { throw new IllegalStateException("queue full"); }
            @Override public void initiationFailed(String agentId, String id, String reason) {}
        });
        service.started(start("conv_c"));
        service.ended("conv_c", new ConversationEnd(START.plusSeconds(3), List.of(), "Client disconnected: 1000", null, null));
        ObjectNode failed = service.details("conv_c").orElseThrow();
        assertThat(failed.get("status").asText()).isEqualTo("failed");
        assertThat(failed.at("/metadata/error/reason").asText()).contains("queue full");
    }

    @Test
    void live_feedback_rates_the_latest_agent_message_and_survives_transcript_updates() {
        service.started(start("conv_d"));
        service.updated("conv_d", turns(1));
        service.feedback("conv_d", "like", 3);
        service.updated("conv_d", turns(2));
        service.feedback("conv_d", "dislike", 7);
        ObjectNode d = service.details("conv_d").orElseThrow();
        assertThat(d.at("/transcript/1/feedback/score").asText()).isEqualTo("like");
        assertThat(d.at("/transcript/1/feedback/time_in_call_secs").asInt()).isEqualTo(1);
        assertThat(d.at("/transcript/3/feedback/score").asText()).isEqualTo("dislike");
        assertThat(d.at("/transcript/0/feedback").isNull()).isTrue();
        assertThat(d.at("/metadata/feedback/likes").asInt()).isEqualTo(1);
        assertThat(d.at("/metadata/feedback/dislikes").asInt()).isEqualTo(1);
        assertThat(d.at("/metadata/feedback/overall_score").asText()).isEqualTo("dislike");

        // changing one's mind replaces the message's score; the counts follow the transcript
        service.feedback("conv_d", "like", 7);
        ObjectNode again = service.details("conv_d").orElseThrow();
        assertThat(again.at("/metadata/feedback/likes").asInt()).isEqualTo(2);
        assertThat(again.at("/metadata/feedback/dislikes").asInt()).isZero();

        service.rate("conv_d", "dislike");
        assertThat(service.details("conv_d").orElseThrow().at("/metadata/feedback/overall_score").asText()).isEqualTo("dislike");
    }

    @Test
    void writes_for_a_deleted_conversation_are_dropped_and_unknown_values_are_normalised() {
        ConversationStart odd = new ConversationStart("conv_e", "agent_x", null, null, START, false, "carrier_pigeon", "v2",
                "telepathy", null, null);
        service.started(odd);
        ObjectNode e = service.details("conv_e").orElseThrow();
        assertThat(e.at("/metadata/conversation_initiation_source").asText()).isEqualTo("unknown");
        assertThat(e.at("/metadata/conversation_initiation_source_version").isNull()).isTrue();
        assertThat(e.at("/metadata/authorization_method").asText()).isEqualTo("public");
        assertThat(e.get("conversation_initiation_client_data").isObject()).isTrue();

        service.delete("conv_e");
        service.updated("conv_e", turns(1));
        service.feedback("conv_e", "like", 1);
        service.ended("conv_e", new ConversationEnd(START.plusSeconds(1), List.of(), "", null, null));
        service.saveAnalysis("conv_e", new Analysis(null, null, "unknown", null, null));
        service.markFailed("conv_e", "x");
        assertThat(service.details("conv_e")).isEmpty();
    }
}
