package dev.timbre.convai.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timbre.agent.transcript.ToolResultEntry;
import dev.timbre.agent.transcript.TranscriptEntry;
import dev.timbre.convai.tools.WebhookToolResult;
import dev.timbre.engine.rules.RuleLanguageModel;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A workflow's server-resolved parts over the socket: a tool node whose tool is a stored webhook tool (by id) runs at
 * the start and leaves by success into a subagent whose own LLM setting is resolved through the agent's model
 * catalogue; the subagent's LLM edge is offered as a transition tool, which the rule model calls, ending the call.
 */
@Tag("integration")
class WorkflowToolNodeApiTest {
    static ConversationHarness h;
    static final List<String> webhookCalls = new CopyOnWriteArrayList<>();
    static final List<String> llms = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() {
        h = new ConversationHarness();
        RuleLanguageModel rules = new RuleLanguageModel();
        h.models = p -> {
            llms.add(p.path("llm").asText(""));
            return rules;
        };
        h.webhooks = (config, args, vars) -> {
            webhookCalls.add(config.path("name").asText());
            return new WebhookToolResult("{\"status\":\"shipped\"}", false, Map.of("type", "webhook"), 0.01);
        };
    }

    @AfterAll
    static void stop() { h.close(); }

    @Test
    void aToolNodeRunsTheStoredToolAndTheSubagentsLlmEdgeEndsTheCall() {
        String toolId = h.tool("{'tool_config':{'type':'webhook','name':'check_order','description':'Checks the order',"
                + "'api_schema':{'url':'https://orders.example.com/status','method':'GET'}}}");
        String agentId = h.agent("{'name':'Orders','conversation_config':{'agent':{'first_message':'Hi.','prompt':{'prompt':'p','llm':'gemini-2.0-flash'}},"
                + "'conversation':{'text_only':true,'client_events':['conversation_initiation_metadata','agent_response','agent_tool_response']}},"
                + "'workflow':{'nodes':{"
                + "'start_node':{'type':'start'},"
                + "'lookup':{'type':'tool','tools':[{'tool_id':'" + toolId + "'}]},"
                + "'shipped':{'type':'override_agent','label':'Shipped','conversation_config':{'agent':{'prompt':{"
                + "'prompt':'When the user says hello, reply Your order shipped.\\nIf the user asks about leaving, call tool transition_to_end_node',"
                + "'llm':'gpt-4o'}}}},"
                + "'end_node':{'type':'end'}},'edges':{"
                + "'e1':{'source':'start_node','target':'lookup'},"
                + "'ok':{'source':'lookup','target':'shipped','forward_condition':{'type':'result','successful':true}},"
                + "'failed':{'source':'lookup','target':'end_node','forward_condition':{'type':'result','successful':false}},"
                + "'done':{'source':'shipped','target':'end_node','forward_condition':{'type':'llm','condition':'the user wants to leave'}}}}}");
        var s = h.start(agentId, ConversationHarness.INIT);
        var c = s.client();
        c.until("agent_tool_response"); // the tool node ran (and the workflow moved on, in the same loop task)
        c.sendJson("{'type':'user_message','text':'hello'}");
        List<JsonNode> got = c.until("agent_response");
        assertThat(got.get(got.size() - 1).path("agent_response_event").path("agent_response").asText()).isEqualTo("Your order shipped.");
        assertThat(webhookCalls).containsExactly("check_order");
        assertThat(llms).as("the subagent's llm was resolved over the agent's prompt").contains("gemini-2.0-flash", "gpt-4o");
        c.sendJson("{'type':'user_message','text':'I am leaving now'}");
        var end = h.log.awaitEnd(s.conversationId());
        List<String> edges = end.transcript().stream().flatMap(e -> e.toolResults().stream())
                .filter(r -> r.type().equals("workflow") && r.result() != null)
                .flatMap(r -> ((List<?>) r.result().get("steps")).stream()).map(step -> (String) ((Map<?, ?>) step).get("edge_id")).toList();
        assertThat(edges).containsExactly("e1", "ok", "done");
        List<ToolResultEntry> results = end.transcript().stream().map(TranscriptEntry::toolResults).flatMap(List::stream).toList();
        assertThat(results).filteredOn(r -> r.toolName().equals("check_order"))
                .singleElement().satisfies(r -> assertThat(r.resultValue()).isEqualTo("{\"status\":\"shipped\"}"));
        assertThat(results).filteredOn(r -> r.toolName().equals("transition_to_end_node"))
                .singleElement().satisfies(r -> assertThat(r.type()).isEqualTo("workflow"));
    }
}
