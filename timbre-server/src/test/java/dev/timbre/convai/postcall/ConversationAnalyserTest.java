package dev.timbre.convai.postcall;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.timbre.agent.transcript.Analysis;
import dev.timbre.agent.transcript.TranscriptEntry;
import dev.timbre.engine.LanguageModel;
import dev.timbre.engine.rules.RuleLanguageModel;
import dev.timbre.http.Json;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConversationAnalyserTest {
    static final List<TranscriptEntry> CALL = List.of(
            TranscriptEntry.agent("Hello, how can I help?", 0),
            TranscriptEntry.user("I want to book a table for 4 people, my email is ann@example.com", 3, "text"),
            TranscriptEntry.agent("Done, your table for four is booked for 8 pm.", 9));

    static AnalysisSettings settings() throws Exception {
        ObjectNode agent = (ObjectNode) Json.MAPPER.readTree("""
                {"conversation_config": {"agent": {"language": "en"}},
                 "platform_settings": {
                   "evaluation": {"criteria": [
                     {"id": "booked", "name": "Booked", "type": "prompt", "conversation_goal_prompt": "A table was booked"},
                     {"id": "polite", "name": "Polite", "type": "prompt", "conversation_goal_prompt": "The agent was polite"}]},
                   "data_collection": {
                     "email": {"type": "string", "description": "The user's email"},
                     "party_size": {"type": "integer", "description": "How many people"},
                     "vip": {"type": "boolean", "description": "Is the user a VIP"},
                     "bad": {"type": "object", "description": "not a literal type"}}}}""");
        return AnalysisSettings.of(agent);
    }

    final ConversationAnalyser analyser = new ConversationAnalyser(Duration.ofSeconds(5));

    @Test
    void reads_the_agent_settings() throws Exception {
        AnalysisSettings s = settings();
        assertThat(s.criteria()).extracting(AnalysisSettings.Criterion::id).containsExactly("booked", "polite");
        assertThat(s.criteria().get(0).goalPrompt()).isEqualTo("A table was booked");
        assertThat(s.dataCollection()).containsOnlyKeys("email", "party_size", "vip");
        assertThat(AnalysisSettings.of(null)).isEqualTo(AnalysisSettings.NONE);
    }

    @Test
    void good_json_answers_become_the_analysis() throws Exception {
        ScriptedModel model = ScriptedModel.answering(
                "{\"results\": {\"booked\": {\"result\": \"success\", \"rationale\": \"Booked for 8 pm.\"}, "
                        + "\"polite\": {\"result\": \"Success\", \"rationale\": \"Greeted the user.\"}}}",
                "{\"values\": {\"email\": {\"value\": \"ann@example.com\", \"rationale\": \"Said so.\"}, "
                        + "\"party_size\": {\"value\": \"4\", \"rationale\": \"Four people.\"}, \"vip\": {\"value\": null}}}",
                "{\"summary\": \"The user booked a table for four.\", \"title\": \"Table booking\", \"call_successful\": \"success\"}");
        Analysis a = analyser.analyse(CALL, settings(), model);
        assertThat(model.requests).hasSize(3);
        assertThat(model.requests.get(0).messages().get(1).content()).contains("id: booked", "A table was booked", "user: I want to book");
        assertThat(a.evaluationCriteriaResults().get("booked")).isEqualTo(new Analysis.CriterionResult("booked", "success", "Booked for 8 pm."));
        assertThat(a.evaluationCriteriaResults().get("polite").result()).isEqualTo("success");
        assertThat(a.callSuccessful()).isEqualTo("success");
        assertThat(a.dataCollectionResults().get("email").value()).isEqualTo("ann@example.com");
        assertThat(a.dataCollectionResults().get("party_size").value()).isEqualTo(4L);
        assertThat(a.dataCollectionResults().get("party_size").jsonSchema()).containsEntry("type", "integer");
        assertThat(a.dataCollectionResults().get("vip").value()).isNull();
        assertThat(a.dataCollectionResults().get("vip").rationale()).isEqualTo("Not found in the conversation.");
        assertThat(a.transcriptSummary()).isEqualTo("The user booked a table for four.");
        assertThat(a.callSummaryTitle()).isEqualTo("Table booking");
    }

    @Test
    void json_wrapped_in_prose_and_fences_is_found_and_a_failed_criterion_fails_the_call() throws Exception {
        ScriptedModel model = ScriptedModel.answering(
                "Sure! Here is my evaluation:\n```json\n{\"results\": [{\"criteria_id\": \"booked\", \"result\": \"failure\", "
                        + "\"rationale\": \"No booking.\"}, {\"criteria_id\": \"polite\", \"result\": \"success\", \"rationale\": \"ok\"}]}\n```\nHope it helps {",
                "{oops} then {\"email\": {\"value\": 42, \"rationale\": \"x\"}, \"party_size\": {\"value\": 4.5}, \"vip\": {\"value\": \"yes\"}}",
                "```\n{\"summary\": \"Nothing was booked.\", \"title\": \"Failed booking\", \"call_successful\": \"success\"}\n```");
        Analysis a = analyser.analyse(CALL, settings(), model);
        assertThat(a.evaluationCriteriaResults().get("booked").result()).isEqualTo("failure");
        assertThat(a.callSuccessful()).as("a failed criterion wins over the model's verdict").isEqualTo("failure");
        assertThat(a.dataCollectionResults().get("email").value()).as("a number as a string item is its text").isEqualTo("42");
        assertThat(a.dataCollectionResults().get("party_size").value()).as("4.5 is no integer").isNull();
        assertThat(a.dataCollectionResults().get("party_size").rationale()).contains("not a valid integer");
        assertThat(a.dataCollectionResults().get("vip").value()).isEqualTo(true);
        assertThat(a.transcriptSummary()).isEqualTo("Nothing was booked.");
    }

    @Test
    void junk_falls_back_per_concern() throws Exception {
        ScriptedModel model = ScriptedModel.answering("I cannot answer that.", "{\"values\": {\"email\": {\"value\": \"a@b.c\"}}}", "no json here");
        Analysis a = analyser.analyse(CALL, settings(), model);
        assertThat(a.evaluationCriteriaResults().values()).extracting(Analysis.CriterionResult::result).containsOnly("unknown");
        assertThat(a.evaluationCriteriaResults().get("booked").rationale()).contains("No language model could evaluate");
        assertThat(a.callSuccessful()).isEqualTo("unknown");
        assertThat(a.dataCollectionResults().get("email").value()).isEqualTo("a@b.c");
        assertThat(a.dataCollectionResults().get("party_size").value()).isNull();
        assertThat(a.transcriptSummary()).startsWith("The user opened with: \"I want to book a table for 4 people");
        assertThat(a.callSummaryTitle()).isEqualTo("I want to book a table for 4…");
    }

    @Test
    void an_unknown_result_value_is_unknown_and_a_model_error_falls_back() throws Exception {
        ScriptedModel odd = ScriptedModel.answering("{\"results\": {\"booked\": {\"result\": \"maybe\"}, \"polite\": {\"result\": \"success\"}}}",
                "{}", "{\"summary\": \"s\", \"title\": \"t\"}");
        Analysis a = analyser.analyse(CALL, settings(), odd);
        assertThat(a.evaluationCriteriaResults().get("booked").result()).isEqualTo("unknown");
        assertThat(a.evaluationCriteriaResults().get("polite").rationale()).isEqualTo("No rationale given.");
        assertThat(a.callSuccessful()).isEqualTo("unknown");

        ScriptedModel failing = new ScriptedModel(r -> null);
        Analysis b = analyser.analyse(CALL, settings(), failing);
        assertThat(failing.requests).hasSize(3);
        assertThat(b.evaluationCriteriaResults().get("booked").result()).isEqualTo("unknown");
        assertThat(b.dataCollectionResults().get("email").value()).isNull();
        assertThat(b.transcriptSummary()).contains("The agent's last reply was: \"Done, your table for four is booked for 8 pm.\"",
                "3 messages (1 from the user, 2 from the agent)");
    }

    @Test
    void without_criteria_the_model_verdict_decides() {
        ScriptedModel model = ScriptedModel.answering(null, null, "{\"summary\": \"ok\", \"title\": \"t\", \"call_successful\": \"failure\"}");
        Analysis a = analyser.analyse(CALL, AnalysisSettings.NONE, model);
        assertThat(model.requests).hasSize(1);
        assertThat(a.callSuccessful()).isEqualTo("failure");
        assertThat(a.evaluationCriteriaResults()).isEmpty();
    }

    @Test
    void the_rule_model_is_not_asked() throws Exception {
        try (LanguageModel rules = new RuleLanguageModel()) {
            Analysis a = analyser.analyse(CALL, settings(), rules);
            assertThat(a.evaluationCriteriaResults().get("polite").rationale()).contains("built-in rule model, which is not an AI");
            assertThat(a.dataCollectionResults().get("email").value()).isNull();
            assertThat(a.dataCollectionResults().get("email").rationale()).contains("No language model could extract");
            assertThat(a.callSuccessful()).isEqualTo("unknown");
            assertThat(a.transcriptSummary()).contains("The user opened with");
            assertThat(a.callSummaryTitle()).isNotBlank();
        }
    }

    @Test
    void an_empty_call_asks_nothing() throws Exception {
        ScriptedModel model = ScriptedModel.answering("{}", "{}", "{}");
        Analysis a = analyser.analyse(List.of(), settings(), model);
        assertThat(model.requests).isEmpty();
        assertThat(a.transcriptSummary()).isEqualTo("The conversation ended before any message was exchanged.");
        assertThat(a.callSummaryTitle()).isEqualTo("Empty conversation");
    }

    @Test
    void a_model_that_never_answers_times_out() throws Exception {
        LanguageModel silent = new LanguageModel() {
            @Override
            public dev.timbre.engine.EngineInfo info() {
                return new ScriptedModel(r -> "").info();
            }

            @Override
            public dev.timbre.engine.ChatStream open(dev.timbre.engine.ChatRequest request, dev.timbre.engine.ChatListener listener) {
                return () -> {};
            }
        };
        Analysis a = new ConversationAnalyser(Duration.ofMillis(50)).analyse(CALL, AnalysisSettings.NONE, silent);
        assertThat(a.callSuccessful()).isEqualTo("unknown");
        assertThat(a.transcriptSummary()).contains("The user opened with");
    }

    @Test
    void long_transcripts_are_bounded_keeping_both_ends() {
        List<TranscriptEntry> many = new java.util.ArrayList<>();
        for (int i = 0; i < 2000; i++) many.add(TranscriptEntry.user("message number " + i + " " + "x".repeat(40), i, "text"));
        String text = TranscriptText.render(many, 24_000);
        assertThat(text.length()).isLessThanOrEqualTo(24_000);
        assertThat(text).startsWith("user: message number 0 ").contains("messages left out").endsWith("message number 1999 " + "x".repeat(40));
        assertThat(TranscriptText.render(List.of(TranscriptEntry.user("y".repeat(50_000), 0, "text")), 1000)).hasSizeLessThan(300);
    }
}
