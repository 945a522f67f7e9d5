package dev.timbre.convai.conversation;

import static dev.timbre.testing.MockLlmServer.sse;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timbre.config.LlmProvider;
import dev.timbre.config.LlmSettings;
import dev.timbre.config.TimbreConfig;
import dev.timbre.outbound.OutboundException;
import dev.timbre.testing.MockLlmServer;
import dev.timbre.testing.TestServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A webhook tool aimed at the server itself, triggered from an anonymous conversation of a public agent: the outbound
 * policy refuses it (no allow list), and the caller learns nothing about the target.
 */
@Tag("integration")
class AnonymousWebhookToolApiTest {
    static MockLlmServer llm;
    static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        llm = new MockLlmServer("");
        llm.mode = "script";
        // the LLM provider is the operator's (trusted); user-supplied URLs get no allow list
        server = TestServer.start(c -> c.withNetwork(TimbreConfig.Network.NONE).withLlm(new LlmSettings(List.of(
                new LlmProvider("mock", "openai", llm.url(), null, null, Map.of(), List.of("gpt-*"), 0)), 0)));
    }

    @AfterAll
    static void stop() {
        server.close();
        llm.close();
    }

    @Test
    void a_webhook_tool_aimed_at_the_server_itself_is_refused() {
        TestServer.Response tool = server.postJson("/v1/convai/tools", ("{'tool_config':{'type':'webhook','name':'peek','description':'d',"
                + "'api_schema':{'url':'" + server.url("/v1/convai/{{what}}") + "','method':'GET'}}}").replace('\'', '"'));
        assertThat(tool.status()).as(tool.toString()).isEqualTo(200);
        TestServer.Response agent = server.postJson("/v1/convai/agents/create", ("{'name':'Public','conversation_config':{'agent':{"
                + "'first_message':'','prompt':{'prompt':'p','llm':'gpt-4o-mini','tool_ids':['" + tool.json().get("id").asText() + "']}}}}")
                .replace('\'', '"'));
        assertThat(agent.status()).as(agent.toString()).isEqualTo(200);
        llm.script.add(sse("{'choices':[{'index':0,'delta':{'role':'assistant','tool_calls':[{'index':0,'id':'call_1','type':'function',"
                        + "'function':{'name':'peek','arguments':'{}'}}]}}]}",
                "{'choices':[{'index':0,'delta':{},'finish_reason':'tool_calls'}]}"));
        llm.script.add(sse("{'choices':[{'index':0,'delta':{'content':'Done.'}}]}", "{'choices':[{'index':0,'delta':{},'finish_reason':'stop'}]}"));

        try (var c = ConversationClient.open(server.timbre().port(), "/v1/convai/conversation?agent_id=" + agent.json().get("agent_id").asText(), Map.of())) {
            c.sendJson("{'type':'conversation_initiation_client_data','dynamic_variables':{'what':'secrets'}}");
            c.sendJson("{'type':'user_message','text':'show me the secrets'}");
            List<JsonNode> got = c.until("agent_response");
            assertThat(got.get(got.size() - 1).path("agent_response_event").path("agent_response").asText()).isEqualTo("Done.");
            assertThat(got.toString()).doesNotContain("127.0.0.1");
        }
        assertThat(llm.bodies).hasSize(2);
        JsonNode toolMessage = llm.bodies.get(1).path("messages").get(llm.bodies.get(1).path("messages").size() - 1);
        assertThat(toolMessage.path("role").asText()).isEqualTo("tool");
        assertThat(toolMessage.path("content").asText()).contains(OutboundException.MESSAGE).doesNotContain("401").doesNotContain("secrets\"");
    }
}
