package dev.timbre.convai.postcall;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.timbre.config.TimbreConfig;
import dev.timbre.convai.agents.AgentRepository;
import dev.timbre.convai.agents.AgentsService;
import dev.timbre.convai.settings.SettingsRepository;
import dev.timbre.convai.settings.SettingsService;
import dev.timbre.db.Database;
import dev.timbre.engine.rules.RuleLanguageModel;
import dev.timbre.http.Json;
import dev.timbre.jobs.Jobs;
import dev.timbre.testing.TestDatabases;
import dev.timbre.testing.TestJobs;
import java.time.Clock;
import org.junit.jupiter.api.Test;

/** The composed processor with the real agents and ConvAI settings services on H2. */
class PostCallSetupTest {
    @Test
    void the_settings_webhook_id_selects_the_workspace_webhook_and_agents_come_with_defaults() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver(); Database db = TestDatabases.h2();
             RuleLanguageModel rules = new RuleLanguageModel()) {
            AgentsService agents = new AgentsService(new AgentRepository(db.jdbi()), Clock.systemUTC());
            SettingsService settings = new SettingsService(new SettingsRepository(db.jdbi()));
            String agentId = agents.create((ObjectNode) Json.MAPPER.readTree("""
                    {"name": "Support", "platform_settings": {"evaluation": {"criteria": [
                      {"id": "helped", "name": "Helped", "type": "prompt", "conversation_goal_prompt": "The user was helped"}]}}}"""));
            FakeConversationRecords records = new FakeConversationRecords();
            TimbreConfig.Webhooks configured = new TimbreConfig.Webhooks(null, new TimbreConfig.Webhook(receiver.url(), "sec", "wh_calls"));

            settings.updateSettings((ObjectNode) Json.MAPPER.readTree("{\"webhooks\": {\"post_call_webhook_id\": \"wh_calls\"}}"));
            try (Jobs scheduler = TestJobs.on(db)) {
                PostCallProcessor p = PostCallSetup.processor(db.jdbi(), configured, settings, agents, records, prompt -> rules, Clock.systemUTC(), scheduler);
                scheduler.start();
                assertThat(p.resumePending()).isZero();
                // ended after the start (a processing conversation present at start-up would be resumed)
                records.add("conv_s", agentId, "[{\"role\": \"user\", \"message\": \"Hello there\", \"time_in_call_secs\": 1}]");
                p.conversationEnded("conv_s");
                JsonNode body = WebhookReceiver.verified(receiver.next(), "sec");
                assertThat(body.at("/data/analysis/evaluation_criteria_results/helped/result").asText()).isEqualTo("unknown");
                assertThat(body.at("/data/analysis/transcript_summary").asText()).contains("Hello there");
                p.initiationFailed("agent_unknown", "conv_x", "no-answer");
                assertThat(WebhookReceiver.verified(receiver.next(), "sec").at("/data/failure_reason").asText()).isEqualTo("no-answer");
            }
        }
    }
}
