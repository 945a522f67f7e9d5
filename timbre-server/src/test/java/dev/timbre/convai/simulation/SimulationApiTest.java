package dev.timbre.convai.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.timbre.http.Json;
import dev.timbre.testing.OpenApiContract;
import dev.timbre.testing.TestServer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** simulate-conversation and its stream, with the built-in rule model on both sides (no LLM configured). */
@Tag("integration")
class SimulationApiTest {
    static TestServer server;
    static String shop;

    static final String END_CALL = "'built_in_tools':{'end_call':{'name':'end_call','description':'','params':{'system_tool_type':'end_call'}}}";
    static final String SHOP = "{'name':'Shop','conversation_config':{'agent':{'first_message':'Hello! How can I help you today?',"
            + "'prompt':{'prompt':'When the user says order, reply Your order has shipped. Anything else?'," + END_CALL + "}}},"
            + "'platform_settings':{'evaluation':{'criteria':[{'id':'solved','name':'Solved','conversation_goal_prompt':'The order was found'}]}}}";
    static final String CUSTOMER = "{'simulated_user_config':{'prompt':{'prompt':"
            + "'When the user says help, reply I want to know about my order.\\nWhen the user says anything else, reply No thanks, goodbye.'}}}";

    @BeforeAll
    static void start() {
        server = TestServer.start();
        shop = create(SHOP);
    }

    @AfterAll
    static void stop() { server.close(); }

    static String create(String body) {
        var r = server.postJson("/v1/convai/agents/create", body.replace('\'', '"'));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json().get("agent_id").asText();
    }

    static TestServer.Response simulate(String agentId, String body) {
        return server.postJson("/v1/convai/agents/" + agentId + "/simulate-conversation", body.replace('\'', '"'));
    }

    static List<String> messages(JsonNode conversation) {
        List<String> out = new ArrayList<>();
        for (JsonNode e : conversation) out.add(e.get("role").asText() + ": " + e.path("message").asText(""));
        return out;
    }

    @Test
    void the_agent_and_the_simulated_user_talk_until_end_call() {
        var r = simulate(shop, "{'simulation_specification':" + CUSTOMER + "}");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        OpenApiContract.assertConforms("POST", "/v1/convai/agents/{agent_id}/simulate-conversation", r);
        JsonNode conversation = r.json().get("simulated_conversation");
        assertThat(messages(conversation)).containsExactly(
                "agent: Hello! How can I help you today?",
                "user: I want to know about my order.",
                "agent: Your order has shipped. Anything else?",
                "user: No thanks, goodbye.",
                "agent: Goodbye!");
        JsonNode last = conversation.get(4);
        assertThat(last.at("/tool_calls/0/tool_name").asText()).isEqualTo("end_call");
        assertThat(conversation.get(1).get("source_medium").asText()).isEqualTo("text");
        JsonNode analysis = r.json().get("analysis");
        assertThat(analysis.get("call_successful").asText()).isEqualTo("unknown");
        assertThat(analysis.get("transcript_summary").asText()).isNotBlank();
        assertThat(analysis.at("/evaluation_criteria_results/solved/rationale").asText()).contains("rule model");
        assertThat(analysis.at("/evaluation_criteria_results/solved/result").asText()).isEqualTo("unknown");
    }

    @Test
    void tools_answer_with_their_mocks_or_the_default() {
        String id = create("{'name':'Tools','conversation_config':{'agent':{'first_message':'Hi, ask me anything.',"
                + "'prompt':{'prompt':'If the user asks about status, call tool lookup_status\\nIf the user asks about weather, call tool get_weather',"
                + END_CALL + ",'tools':[{'type':'client','name':'lookup_status','description':'Order status','expects_response':false},"
                + "{'type':'webhook','name':'get_weather','description':'Weather','api_schema':{'url':'http://127.0.0.1:9/w','method':'GET'}}]}}}}");
        var r = simulate(id, "{'simulation_specification':{'simulated_user_config':{'prompt':{'prompt':"
                + "'When the user says anything, reply What is the status?\\nWhen the user says Order 42, reply And the weather?\\nWhen the user says Tool Called, reply Bye now.'}},"
                + "'tool_mock_config':{'lookup_status':{'default_return_value':'Order 42 shipped'}}},'new_turns_limit':12}");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        OpenApiContract.assertConforms("POST", "/v1/convai/agents/{agent_id}/simulate-conversation", r);
        List<JsonNode> results = new ArrayList<>();
        for (JsonNode e : r.json().get("simulated_conversation")) e.path("tool_results").forEach(results::add);
        assertThat(results).extracting(n -> n.get("tool_name").asText() + "=" + n.get("result_value").asText() + "/" + n.get("is_error").asBoolean())
                .containsSubsequence("lookup_status=Order 42 shipped/false", "get_weather=Tool Called./false");
        assertThat(messages(r.json().get("simulated_conversation"))).contains("agent: Here is what I found: Order 42 shipped");
    }

    @Test
    void new_turns_limit_caps_the_new_messages() {
        String echo = create("{'name':'Echo','conversation_config':{'agent':{'first_message':'Hello there.','prompt':{'prompt':''}}}}");
        var r = simulate(echo, "{'simulation_specification':{'simulated_user_config':{}},'new_turns_limit':3}");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().get("simulated_conversation")).hasSize(3);
        assertThat(messages(r.json().get("simulated_conversation")).get(0)).isEqualTo("agent: Hello there.");
    }

    @Test
    void a_partial_history_is_continued_and_returned_first() {
        var r = simulate(shop, "{'simulation_specification':{'simulated_user_config':{'prompt':{'prompt':"
                + "'When the user says anything else, reply No thanks, goodbye.'}},'partial_conversation_history':["
                + "{'role':'agent','message':'Hello! What do you need?','time_in_call_secs':0},"
                + "{'role':'user','message':'Where is my order?','time_in_call_secs':7}]},"
                + "'extra_evaluation_criteria':[{'id':'polite','name':'Polite','conversation_goal_prompt':'Be polite'}]}");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        OpenApiContract.assertConforms("POST", "/v1/convai/agents/{agent_id}/simulate-conversation", r);
        JsonNode c = r.json().get("simulated_conversation");
        assertThat(messages(c)).containsExactly("agent: Hello! What do you need?", "user: Where is my order?",
                "agent: Your order has shipped. Anything else?", "user: No thanks, goodbye.", "agent: Goodbye!");
        assertThat(c.get(2).get("time_in_call_secs").asInt()).isGreaterThanOrEqualTo(7);
        assertThat(r.json().at("/analysis/evaluation_criteria_results/polite/result").asText()).isEqualTo("unknown");
        assertThat(r.json().at("/analysis/evaluation_criteria_results/solved/criteria_id").asText()).isEqualTo("solved");
    }

    @Test
    void the_stream_sends_each_turn_then_the_analysis_as_json_lines() throws Exception {
        var r = server.postJson("/v1/convai/agents/" + shop + "/simulate-conversation/stream",
                ("{'simulation_specification':" + CUSTOMER + "}").replace('\'', '"'));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.header("Content-Type")).startsWith("application/x-ndjson");
        List<String> lines = r.text().lines().toList();
        assertThat(lines.size()).isGreaterThanOrEqualTo(3);
        ArrayNode all = Json.MAPPER.createArrayNode();
        for (String line : lines.subList(0, lines.size() - 1)) {
            JsonNode chunk = Json.MAPPER.readTree(line);
            assertThat(chunk.fieldNames()).toIterable().containsExactly("simulated_conversation");
            assertThat(chunk.get("simulated_conversation")).isNotEmpty();
            for (JsonNode e : chunk.get("simulated_conversation")) {
                assertThat(OpenApiContract.validate("ConversationHistoryTranscriptCommonModel-Output", e)).isEmpty();
                all.add(e);
            }
        }
        JsonNode last = Json.MAPPER.readTree(lines.get(lines.size() - 1));
        assertThat(OpenApiContract.validate("ConversationHistoryAnalysisCommonModel", last.get("analysis"))).isEmpty();
        var whole = simulate(shop, "{'simulation_specification':" + CUSTOMER + "}");
        assertThat(messages(all)).isEqualTo(messages(whole.json().get("simulated_conversation")));
    }

    @Test
    void an_agent_llm_that_fails_is_503_and_the_stream_ends_with_an_error_line() throws Exception {
        String broken = create("{'name':'Broken','conversation_config':{'agent':{'first_message':'','prompt':{'prompt':'x',"
                + "'llm':'custom-llm','custom_llm':{'url':'http://127.0.0.1:9/v1','model_id':'m'}}}}}");
        var r = simulate(broken, "{'simulation_specification':{'simulated_user_config':{}}}");
        assertThat(r.status()).as(r.toString()).isEqualTo(503);
        assertThat(r.json().at("/detail/status").asText()).isEqualTo("llm_error");
        var stream = server.postJson("/v1/convai/agents/" + broken + "/simulate-conversation/stream",
                "{\"simulation_specification\":{\"simulated_user_config\":{}}}");
        assertThat(stream.status()).isEqualTo(200);
        List<String> lines = stream.text().lines().toList();
        assertThat(Json.MAPPER.readTree(lines.get(lines.size() - 1)).at("/detail/status").asText()).isEqualTo("llm_error");
    }

    @Test
    void an_unknown_agent_is_404_and_a_bad_body_is_422() {
        var missing = simulate("agent_nope", "{'simulation_specification':{'simulated_user_config':{}}}");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().at("/detail/status").asText()).isEqualTo("agent_not_found");
        var stream404 = server.postJson("/v1/convai/agents/agent_nope/simulate-conversation/stream",
                "{\"simulation_specification\":{\"simulated_user_config\":{}}}");
        assertThat(stream404.status()).isEqualTo(404);

        assertThat(loc(simulate(shop, "{}"))).isEqualTo("body.simulation_specification");
        assertThat(loc(simulate(shop, "{'simulation_specification':{}}"))).isEqualTo("body.simulation_specification.simulated_user_config");
        assertThat(loc(simulate(shop, "{'simulation_specification':{'simulated_user_config':{}},'new_turns_limit':'many'}"))).isEqualTo("body.new_turns_limit");
        assertThat(loc(simulate(shop, "{'simulation_specification':{'simulated_user_config':{},"
                + "'partial_conversation_history':[{'role':'robot','time_in_call_secs':0}]}}")))
                .isEqualTo("body.simulation_specification.partial_conversation_history.0.role");
        assertThat(loc(simulate(shop, "{'simulation_specification':{'simulated_user_config':{},"
                + "'tool_mock_config':{'t':{'default_is_error':'yes'}}}}"))).isEqualTo("body.simulation_specification.tool_mock_config.t.default_is_error");
        assertThat(loc(simulate(shop, "{'simulation_specification':{'simulated_user_config':{}},'extra_evaluation_criteria':[{'id':'x'}]}")))
                .isEqualTo("body.extra_evaluation_criteria.0.name");
        var notJson = server.post("/v1/convai/agents/" + shop + "/simulate-conversation", "application/json", "{".getBytes());
        assertThat(notJson.status()).isEqualTo(422);
    }

    static String loc(TestServer.Response r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(422);
        OpenApiContract.assertConforms("POST", "/v1/convai/agents/{agent_id}/simulate-conversation", r);
        List<String> parts = new ArrayList<>();
        r.json().at("/detail/0/loc").forEach(n -> parts.add(n.asText()));
        return String.join(".", parts);
    }
}
