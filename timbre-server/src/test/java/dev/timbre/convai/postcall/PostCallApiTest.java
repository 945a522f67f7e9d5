package dev.timbre.convai.postcall;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.timbre.common.Ids;
import dev.timbre.agent.transcript.TranscriptEntry;
import dev.timbre.config.TimbreConfig;
import dev.timbre.convai.conversations.ConversationEnd;
import dev.timbre.convai.conversations.ConversationStart;
import dev.timbre.convai.conversations.ConversationsService;
import dev.timbre.http.Json;
import dev.timbre.testing.OpenApiContract;
import dev.timbre.testing.TestServer;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The wired server: a call that ends is analysed, stored (GET shows it) and posted to the configured post-call webhook. */
@Tag("integration")
class PostCallApiTest {
    static final String SECRET = "wsec_api";
    static WebhookReceiver receiver;
    static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        receiver = new WebhookReceiver();
        server = TestServer.start(c -> c.withWebhooks(new TimbreConfig.Webhooks(null, new TimbreConfig.Webhook(receiver.url(), SECRET, "wh_calls"))));
    }

    @AfterAll
    static void stop() {
        server.close();
        receiver.close();
    }

    @Test
    void an_ended_call_is_analysed_and_posted() throws Exception {
        TestServer.Response created = server.postJson("/v1/convai/agents/create", Json.MAPPER.readTree("""
                {"name": "Shop", "conversation_config": {"agent": {"first_message": "Hi!"}},
                 "platform_settings": {"evaluation": {"criteria": [{"id": "helped", "name": "Helped", "type": "prompt",
                   "conversation_goal_prompt": "The user got help"}]},
                   "data_collection": {"item": {"type": "string", "description": "What the user wants to buy"}}}}"""));
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        String agentId = created.json().get("agent_id").asText();

        String id = "conv_" + Ids.random();
        ConversationsService log = server.timbre().services().conversations();
        ObjectNode initiation = Json.MAPPER.createObjectNode();
        log.started(new ConversationStart(id, agentId, "Shop", "user-7", Instant.now(), true, "js_sdk", "1.0", "public", initiation, "en"));
        List<TranscriptEntry> transcript = List.of(TranscriptEntry.agent("Hi!", 0), TranscriptEntry.user("I would like to buy a red bicycle", 2, "text"),
                TranscriptEntry.agent("We have red bicycles in stock.", 4));
        log.updated(id, transcript);
        log.ended(id, new ConversationEnd(Instant.now(), transcript, "Client disconnected: 1000", null, null));

        JsonNode body = WebhookReceiver.verified(receiver.next(), SECRET);
        assertThat(body.get("type").asText()).isEqualTo("post_call_transcription");
        JsonNode data = body.get("data");
        assertThat(data.get("conversation_id").asText()).isEqualTo(id);
        assertThat(data.get("status").asText()).isEqualTo("done");
        assertThat(data.at("/analysis/evaluation_criteria_results/helped/result").asText()).isEqualTo("unknown");
        assertThat(data.at("/analysis/data_collection_results/item/value").isNull()).isTrue();
        assertThat(data.at("/analysis/transcript_summary").asText()).contains("I would like to buy a red bicycle");
        assertThat(OpenApiContract.validate("GetConversationResponseModel", data)).isEmpty();

        TestServer.Response got = server.get("/v1/convai/conversations/" + id);
        assertThat(got.status()).isEqualTo(200);
        assertThat(got.json().get("status").asText()).isEqualTo("done");
        assertThat(got.json().at("/analysis/call_summary_title").asText()).isEqualTo("I would like to buy a red bicycle");
        assertThat(got.json().at("/analysis/call_successful").asText()).isEqualTo("unknown");
    }
}
