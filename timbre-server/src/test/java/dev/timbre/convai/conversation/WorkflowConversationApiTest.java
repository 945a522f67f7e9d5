package dev.timbre.convai.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timbre.testing.TestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * An agent's workflow run by the server as composed in {@code Timbre} (the built-in rule LLM, which follows its
 * prompt's "When the user says X, reply Y" lines): the conversation moves start → intro subagent → (expression over a
 * dynamic variable) gold subagent → end, and the stored conversation records the moves.
 */
@Tag("integration")
class WorkflowConversationApiTest {
    static TestServer server;

    static final String WORKFLOW = "{'nodes':{"
            + "'start_node':{'type':'start','position':{'x':0,'y':0},'edge_order':['e1']},"
            + "'intro':{'type':'override_agent','label':'Intro','additional_prompt':'',"
            + "'conversation_config':{'agent':{'prompt':{'prompt':'When the user says hello, reply Hi from intro.'}}}},"
            + "'gold':{'type':'override_agent','label':'Gold','additional_prompt':'When the user says status, reply You are a gold member.'},"
            + "'end_node':{'type':'end'}},"
            + "'edges':{"
            + "'e1':{'source':'start_node','target':'intro','forward_condition':{'type':'unconditional'}},"
            + "'e2':{'source':'intro','target':'gold','forward_condition':{'type':'expression','label':'gold tier',"
            + "'expression':{'type':'eq_operator','left':{'type':'dynamic_variable','name':'tier'},'right':{'type':'string_literal','value':'gold'}}}},"
            + "'e3':{'source':'gold','target':'end_node','forward_condition':{'type':'unconditional'}}}}";

    @BeforeAll
    static void start() {
        server = TestServer.start();
    }

    @AfterAll
    static void stop() { server.close(); }

    static String agent(String workflow) {
        var r = server.postJson("/v1/convai/agents/create", ("{'name':'Flow','conversation_config':{'agent':{'first_message':'Welcome!',"
                + "'prompt':{'prompt':'When the user says hello, reply Hi from the base agent.'}},"
                + "'conversation':{'text_only':true}},'workflow':" + workflow + "}").replace('\'', '"'));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json().get("agent_id").asText();
    }

    static String reply(ConversationClient c, String text) {
        c.sendJson("{'type':'user_message','text':'" + text + "'}");
        List<JsonNode> got = c.until("agent_response");
        return got.get(got.size() - 1).path("agent_response_event").path("agent_response").asText();
    }

    @Test
    void theConversationMovesThroughSubagentsByAnExpressionEdgeAndEndsAtTheEndNode() throws Exception {
        String agentId = agent(WORKFLOW);
        String conversationId;
        try (var c = ConversationClient.open(server.timbre().port(), "/v1/convai/conversation?agent_id=" + agentId, Map.of(), "convai")) {
            c.sendJson("{'type':'conversation_initiation_client_data','dynamic_variables':{'tier':'gold'}}");
            conversationId = c.message().path("conversation_initiation_metadata_event").path("conversation_id").asText();
            assertThat(c.message().path("agent_response_event").path("agent_response").asText()).isEqualTo("Welcome!");
            assertThat(reply(c, "hello")).as("the intro subagent's prompt replaced the agent's").isEqualTo("Hi from intro.");
            assertThat(reply(c, "status")).as("gold appends its prompt").isEqualTo("You are a gold member.");
            List<JsonNode> rest = new ArrayList<>();
            assertThat(c.closeAfter(rest).code()).as("the end node ends the call").isEqualTo(1000);
        }
        JsonNode details = StoredConversations.awaitDone(server, conversationId);
        List<String> edges = new ArrayList<>();
        List<String> targets = new ArrayList<>();
        for (JsonNode e : details.path("transcript")) {
            for (JsonNode r : e.path("tool_results")) {
                if (!r.path("type").asText().equals("workflow")) continue;
                for (JsonNode s : r.path("result").path("steps")) {
                    edges.add(s.path("edge_id").asText());
                    targets.add(s.path("target_node_id").asText());
                }
            }
        }
        assertThat(edges).containsExactly("e1", "e2", "e3");
        assertThat(targets).containsExactly("intro", "gold", "end_node");
        assertThat(details.path("transcript").get(0).path("tool_calls").get(0).path("type").asText()).isEqualTo("workflow");
    }

    @Test
    void withoutTheVariableTheExpressionEdgeIsNotTakenAndTheIntroSubagentStays() throws Exception {
        String agentId = agent(WORKFLOW);
        try (var c = ConversationClient.open(server.timbre().port(), "/v1/convai/conversation?agent_id=" + agentId, Map.of(), "convai")) {
            c.sendJson("{'type':'conversation_initiation_client_data','dynamic_variables':{'tier':'silver'}}");
            c.message();
            c.message();
            assertThat(reply(c, "hello")).isEqualTo("Hi from intro.");
            assertThat(reply(c, "hello again")).isEqualTo("Hi from intro.");
        }
    }
}
