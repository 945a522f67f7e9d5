package dev.timbre.convai.conversation;

import static dev.timbre.testing.MockLlmServer.sse;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timbre.engine.FallbackLanguageModel;
import dev.timbre.engine.LanguageModel;
import dev.timbre.engine.openai.OpenAiChatLanguageModel;
import dev.timbre.engine.rules.RuleLanguageModel;
import dev.timbre.http.Json;
import dev.timbre.testing.MockLlmServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The socket driven by an OpenAI-compatible streaming server: a tool loop with streamed tool calls, errors, fallback. */
@Tag("integration")
class ConversationLlmApiTest {
    static ConversationHarness h;
    static MockLlmServer llm;
    static String agent;

    @BeforeAll
    static void start() throws Exception {
        llm = new MockLlmServer("");
        llm.mode = "script";
        h = new ConversationHarness();
        agent = h.agent("{'name':'LLM','conversation_config':{'agent':{'first_message':'','prompt':{'prompt':'You tell the time.',"
                + "'temperature':0.2,'tools':[{'type':'client','name':'get_time','description':'The time in a zone','expects_response':true,"
                + "'parameters':{'type':'object','properties':{'zone':{'type':'string'}}}}]}}},"
                + "'platform_settings':{'overrides':{'custom_llm_extra_body':true}}}");
    }

    @AfterAll
    static void stop() {
        h.close();
        llm.close();
    }

    static LanguageModel openAi() {
        return new OpenAiChatLanguageModel(llm.url(), "sk-test", "gpt-4o-mini", Map.of(), Duration.ofSeconds(10));
    }

    static String delta(String content) {
        return "{'choices':[{'index':0,'delta':{'content':" + Json.write(content).replace('"', '\'') + "}}]}";
    }

    @Test
    void streamedToolCallsRunThroughTheClientAndTheModelContinues() {
        h.models = p -> openAi();
        llm.script.clear();
        llm.bodies.clear();
        llm.script.add(sse("{'choices':[{'index':0,'delta':{'role':'assistant','tool_calls':[{'index':0,'id':'call_1','type':'function','function':{'name':'get_time','arguments':''}}]}}]}",
                "{'choices':[{'index':0,'delta':{'tool_calls':[{'index':0,'function':{'arguments':'{\\'zone\\':'}}]}}]}",
                "{'choices':[{'index':0,'delta':{'tool_calls':[{'index':0,'function':{'arguments':'\\'UTC\\'}'}}]}}]}",
                "{'choices':[{'index':0,'delta':{},'finish_reason':'tool_calls'}]}"));
        llm.script.add(sse(delta("It is "), delta("noon."), "{'choices':[{'index':0,'delta':{},'finish_reason':'stop'}]}"));
        var s = h.start(agent, "{'type':'conversation_initiation_client_data','custom_llm_extra_body':{'tenant':'t1'}}");
        var c = s.client();
        c.sendJson("{'type':'user_message','text':'what time is it?'}");
        JsonNode call = c.until("client_tool_call").stream().filter(m -> m.path("type").asText().equals("client_tool_call"))
                .findFirst().orElseThrow().path("client_tool_call");
        assertThat(call.path("tool_call_id").asText()).isEqualTo("call_1");
        assertThat(call.path("parameters").path("zone").asText()).isEqualTo("UTC");
        c.send(Map.of("type", "client_tool_result", "tool_call_id", "call_1", "result", Map.of("time", "12:00"), "is_error", false));
        var got = c.until("agent_response");
        assertThat(got.get(got.size() - 1).path("agent_response_event").path("agent_response").asText()).isEqualTo("It is noon.");
        assertThat(llm.bodies).hasSize(2);
        JsonNode first = llm.bodies.get(0);
        assertThat(first.path("tenant").asText()).as("custom_llm_extra_body merged").isEqualTo("t1");
        assertThat(first.path("temperature").asDouble()).isEqualTo(0.2);
        assertThat(first.path("tools").get(0).path("function").path("name").asText()).isEqualTo("get_time");
        List<String> roles = new ArrayList<>();
        llm.bodies.get(1).path("messages").forEach(m -> roles.add(m.path("role").asText()));
        assertThat(roles).containsExactly("system", "user", "assistant", "tool");
        assertThat(llm.bodies.get(1).path("messages").get(3).path("content").asText()).isEqualTo("{\"time\":\"12:00\"}");
        c.close();
        var end = h.log.awaitEnd(s.conversationId());
        assertThat(end.transcript().get(1).toolCalls()).singleElement().satisfies(tc -> assertThat(tc.toolName()).isEqualTo("get_time"));
    }

    @Test
    void aFailingProviderFallsBackToTheNextOne() {
        h.models = p -> new FallbackLanguageModel(List.of(openAi(), new RuleLanguageModel()), Duration.ofSeconds(10));
        llm.script.clear();
        llm.script.add("status:503");
        var s = h.start(agent, ConversationHarness.INIT);
        var c = s.client();
        c.sendJson("{'type':'user_message','text':'hi'}");
        var got = c.until("agent_response");
        assertThat(got.get(got.size() - 1).path("agent_response_event").path("agent_response").asText()).isEqualTo("You said hi. How can I help?");
        c.close();
    }

    @Test
    void aFailingModelApologisesAndEndsWithAnError() {
        h.models = p -> openAi();
        llm.script.clear();
        llm.script.add("status:400");
        var s = h.start(agent, ConversationHarness.INIT);
        var c = s.client();
        c.sendJson("{'type':'user_message','text':'hi'}");
        List<JsonNode> got = new ArrayList<>();
        var closed = c.closeAfter(got);
        assertThat(closed.code()).isEqualTo(1011);
        assertThat(got).extracting(m -> m.path("type").asText()).containsSubsequence("agent_response", "error");
        // a voice call: the apology's audio may follow the error event until the close
        JsonNode error = got.stream().filter(m -> m.path("type").asText().equals("error")).reduce((a, b) -> b).orElseThrow();
        assertThat(error.path("error_event").path("error_type").asText()).isEqualTo("llm_error");
        var end = h.log.awaitEnd(s.conversationId());
        assertThat(end.errorCode()).isEqualTo(1011);
    }
}
