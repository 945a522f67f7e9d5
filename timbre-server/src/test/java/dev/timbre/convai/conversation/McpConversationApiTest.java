package dev.timbre.convai.conversation;

import static dev.timbre.testing.MockLlmServer.sse;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timbre.config.LlmProvider;
import dev.timbre.config.LlmSettings;
import dev.timbre.config.TimbreConfig;
import dev.timbre.convai.mcpservers.McpTestServer;
import dev.timbre.testing.MockLlmServer;
import dev.timbre.testing.OpenApiContract;
import dev.timbre.testing.TestServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * An agent with {@code prompt.mcp_server_ids} in a text conversation: the LLM is offered the MCP server's tools, calls
 * one, gets its result, and the stored transcript holds the call ({@code type} mcp, MCP {@code tool_details}) and the
 * result. A tool that needs approval is refused with an error result and never reaches the server.
 */
@Tag("integration")
class McpConversationApiTest {
    static MockLlmServer llm;
    static McpTestServer mcp;
    static TestServer server;
    static JsonNode toolMessage;

    @BeforeAll
    static void start() throws Exception {
        llm = new MockLlmServer("");
        llm.mode = "script";
        mcp = new McpTestServer();
        server = TestServer.start(c -> c.withNetwork(new TimbreConfig.Network(List.of("127.0.0.1:" + mcp.port())))
                .withLlm(new LlmSettings(List.of(new LlmProvider("mock", "openai", llm.url(), null, null, Map.of(), List.of("gpt-*"), 0)), 0)));
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
        mcp.close();
        llm.close();
    }

    static String q(String s) {
        return s.replace('\'', '"');
    }

    static String agentWith(String policy) {
        TestServer.Response created = server.postJson("/v1/convai/mcp-servers", q("{'config':{'name':'Local tools','url':'" + mcp.streamableUrl()
                + "','transport':'STREAMABLE_HTTP','approval_policy':'" + policy + "'}}"));
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        TestServer.Response agent = server.postJson("/v1/convai/agents/create", q("{'name':'MCP agent','conversation_config':{'agent':{"
                + "'first_message':'','prompt':{'prompt':'p','llm':'gpt-4o-mini','mcp_server_ids':['" + created.json().get("id").asText() + "']}}}}"));
        assertThat(agent.status()).as(agent.toString()).isEqualTo(200);
        return agent.json().get("agent_id").asText();
    }

    /** Runs one user turn in which the LLM calls {@code echo}; returns the stored conversation once done. */
    static JsonNode converse(String agentId) throws Exception {
        int before = llm.bodies.size();
        llm.script.add(sse("{'choices':[{'index':0,'delta':{'role':'assistant','tool_calls':[{'index':0,'id':'call_1','type':'function',"
                        + "'function':{'name':'echo','arguments':'{\\'message\\':\\'hello mcp\\'}'}}]}}]}",
                "{'choices':[{'index':0,'delta':{},'finish_reason':'tool_calls'}]}"));
        llm.script.add(sse("{'choices':[{'index':0,'delta':{'content':'Done.'}}]}", "{'choices':[{'index':0,'delta':{},'finish_reason':'stop'}]}"));
        String conversationId;
        try (var c = ConversationClient.open(server.timbre().port(), "/v1/convai/conversation?agent_id=" + agentId, Map.of())) {
            c.sendJson("{'type':'conversation_initiation_client_data'}");
            conversationId = c.message().path("conversation_initiation_metadata_event").path("conversation_id").asText();
            c.sendJson("{'type':'user_message','text':'echo something'}");
            List<JsonNode> got = c.until("agent_response");
            assertThat(got.get(got.size() - 1).path("agent_response_event").path("agent_response").asText()).isEqualTo("Done.");
        }
        assertThat(llm.bodies.size()).isGreaterThanOrEqualTo(before + 2);
        assertThat(llm.bodies.get(before).path("tools").toString()).contains("\"echo\"").contains("\"add\"");
        JsonNode messages = llm.bodies.get(before + 1).path("messages");
        toolMessage = messages.get(messages.size() - 1);
        return StoredConversations.awaitDone(server, conversationId);
    }

    @Test
    void the_llm_calls_an_mcp_tool_and_the_transcript_records_it() throws Exception {
        JsonNode details = converse(agentWith("auto_approve_all"));
        JsonNode toolMessage = lastMessage();
        assertThat(toolMessage.path("role").asText()).isEqualTo("tool");
        assertThat(toolMessage.path("content").asText()).isEqualTo("Echo: hello mcp");
        JsonNode call = find(details, "tool_calls");
        assertThat(call.path("type").asText()).isEqualTo("mcp");
        assertThat(call.path("tool_name").asText()).isEqualTo("echo");
        assertThat(call.path("tool_details").path("type").asText()).isEqualTo("mcp");
        assertThat(call.path("tool_details").path("mcp_tool_name").asText()).isEqualTo("echo");
        assertThat(call.path("tool_details").path("parameters").path("message").asText()).isEqualTo("hello mcp");
        JsonNode result = find(details, "tool_results");
        assertThat(result.path("type").asText()).isEqualTo("mcp");
        assertThat(result.path("result_value").asText()).isEqualTo("Echo: hello mcp");
        assertThat(result.path("is_error").asBoolean()).isFalse();
    }

    @Test
    void a_tool_that_needs_approval_is_refused_and_never_called() throws Exception {
        int calls = mcp.calls.size();
        JsonNode details = converse(agentWith("require_approval_all"));
        assertThat(lastMessage().path("content").asText()).contains("requires approval");
        assertThat(find(details, "tool_results").path("is_error").asBoolean()).isTrue();
        assertThat(find(details, "tool_calls").path("tool_details").path("requires_approval").asBoolean()).isTrue();
        assertThat(mcp.calls).hasSize(calls);
    }

    @Test
    void lists_a_servers_tools_live() {
        TestServer.Response created = server.postJson("/v1/convai/mcp-servers", q("{'config':{'name':'Listed','url':'" + mcp.sseUrl() + "'}}"));
        TestServer.Response tools = server.get("/v1/convai/mcp-servers/" + created.json().get("id").asText() + "/tools");
        assertThat(tools.status()).as(tools.toString()).isEqualTo(200);
        OpenApiContract.assertConforms("GET", "/v1/convai/mcp-servers/{mcp_server_id}/tools", tools);
        assertThat(tools.json().get("success").asBoolean()).isTrue();
        assertThat(tools.json().at("/tools/0/inputSchema/type").asText()).isEqualTo("object");
        assertThat(tools.text()).contains("\"echo\"", "\"add\"", "\"slow\"", "\"big\"");
        assertThat(server.get("/v1/convai/mcp-servers/mcp_unknown/tools").status()).isEqualTo(404);
    }

    /** The last message of the LLM request that followed the tool call: the tool's result. */
    private static JsonNode lastMessage() {
        return toolMessage;
    }

    private static JsonNode find(JsonNode details, String field) {
        for (JsonNode e : details.path("transcript")) {
            if (e.path(field).size() > 0) return e.path(field).get(0);
        }
        throw new AssertionError("no " + field + " in " + details.path("transcript"));
    }
}
