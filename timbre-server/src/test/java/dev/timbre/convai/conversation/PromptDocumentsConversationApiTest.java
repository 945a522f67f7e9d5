package dev.timbre.convai.conversation;

import static dev.timbre.testing.MockLlmServer.sse;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timbre.config.LlmProvider;
import dev.timbre.config.LlmSettings;
import dev.timbre.testing.MockLlmServer;
import dev.timbre.testing.TestServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** A knowledge-base document with {@code usage_mode: "prompt"} reaches the LLM's system message in a real conversation. */
@Tag("integration")
class PromptDocumentsConversationApiTest {
    static MockLlmServer llm;
    static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        llm = new MockLlmServer("");
        llm.mode = "script";
        server = TestServer.start(c -> c.withLlm(new LlmSettings(List.of(
                new LlmProvider("mock", "openai", llm.url(), null, null, Map.of(), List.of("gpt-*"), 0)), 0)));
    }

    @AfterAll
    static void stop() {
        server.close();
        llm.close();
    }

    @Test
    void the_document_is_in_the_system_prompt_the_llm_receives() {
        TestServer.Response doc = server.postJson("/v1/convai/knowledge-base/text",
                "{\"name\": \"Hours\", \"text\": \"The shop opens at nine and closes at five.\"}");
        assertThat(doc.status()).as(doc.toString()).isEqualTo(200);
        TestServer.Response agent = server.postJson("/v1/convai/agents/create", ("{'name':'KB','conversation_config':{'agent':{"
                + "'first_message':'','prompt':{'prompt':'You answer questions about the shop.','llm':'gpt-4o-mini',"
                + "'knowledge_base':[{'type':'text','name':'Hours','id':'" + doc.json().get("id").asText() + "','usage_mode':'prompt'}]}}}}")
                .replace('\'', '"'));
        assertThat(agent.status()).as(agent.toString()).isEqualTo(200);
        llm.script.add(sse("{'choices':[{'index':0,'delta':{'content':'At nine.'}}]}", "{'choices':[{'index':0,'delta':{},'finish_reason':'stop'}]}"));

        try (var c = ConversationClient.open(server.timbre().port(), "/v1/convai/conversation?agent_id=" + agent.json().get("agent_id").asText(), Map.of())) {
            c.sendJson("{'type':'conversation_initiation_client_data'}");
            c.sendJson("{'type':'user_message','text':'when do you open?'}");
            List<JsonNode> got = c.until("agent_response");
            assertThat(got.get(got.size() - 1).path("agent_response_event").path("agent_response").asText()).isEqualTo("At nine.");
        }
        JsonNode system = llm.bodies.get(0).path("messages").get(0);
        assertThat(system.path("role").asText()).isEqualTo("system");
        assertThat(system.path("content").asText()).contains("You answer questions about the shop.")
                .contains("## Hours\nThe shop opens at nine and closes at five.");
    }
}
