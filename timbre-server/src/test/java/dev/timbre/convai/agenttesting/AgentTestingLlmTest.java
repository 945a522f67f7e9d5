package dev.timbre.convai.agenttesting;

import static dev.timbre.testing.MockLlmServer.sse;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timbre.http.Json;
import dev.timbre.testing.MockLlmServer;
import dev.timbre.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Agent tests with an AI model (an OpenAI-compatible mock) as the agent and as the judge. */
@Tag("integration")
class AgentTestingLlmTest {
    static MockLlmServer llm;
    static String agent;

    @BeforeAll
    static void start() throws Exception {
        llm = new MockLlmServer("");
        llm.mode = "script";
        AgentTestingApiTest.server = TestServer.start();
        agent = AgentTestingApiTest.agent("{'name':'Billing','conversation_config':{'agent':{'first_message':'Hi','prompt':{'prompt':'You handle billing.',"
                + "'llm':'custom-llm','custom_llm':{'url':'" + llm.url() + "/v1','model_id':'m'},"
                + "'tools':[{'type':'client','name':'refund','description':'Refund a charge','expects_response':true,"
                + "'parameters':{'type':'object','properties':{'amount':{'type':'string'},'note':{'type':'string'}}}}]}}}}");
    }

    @AfterAll
    static void stop() {
        AgentTestingApiTest.server.close();
        llm.close();
    }

    @BeforeEach
    void reset() {
        llm.script.clear();
        llm.bodies.clear();
    }

    static String text(String content) {
        return sse("{'choices':[{'index':0,'delta':{'content':" + Json.write(content).replace('"', '\'') + "}}]}",
                "{'choices':[{'index':0,'delta':{},'finish_reason':'stop'}]}");
    }

    static final String CHARGED = "'chat_history':[{'role':'user','message':'I was charged twice and I am frustrated.','time_in_call_secs':0}]";

    @Test
    void the_agents_model_judges_the_reply() throws Exception {
        String t = AgentTestingApiTest.test("{'name':'Empathy'," + CHARGED + ",'success_condition':'The agent acknowledges the frustration and offers a refund',"
                + "'success_examples':[{'response':'I understand, I will refund the duplicate charge.','type':'success'}],"
                + "'failure_examples':[{'response':'Contact billing.','type':'failure'}]}");
        llm.script.add(text("I am sorry about that. I will refund the second charge right away."));
        llm.script.add(text("```json\n{\"result\": \"success\", \"rationale\": \"The agent apologised and offered a refund.\"}\n```"));
        JsonNode run = AgentTestingApiTest.runAndWait(agent, t).get("test_runs").get(0);
        assertThat(run.get("status").asText()).as(run.toString()).isEqualTo("passed");
        assertThat(run.at("/condition_result/rationale/messages/0").asText()).isEqualTo("The agent apologised and offered a refund.");
        assertThat(AgentTestingApiTest.summary(run)).contains("Judged by the agent's language model");
        assertThat(run.at("/agent_responses/0/message").asText()).isEqualTo("I am sorry about that. I will refund the second charge right away.");
        assertThat(llm.bodies).hasSize(2);
        String judgeAsk = llm.bodies.get(1).toString();
        assertThat(judgeAsk).contains("You evaluate an AI agent's reply").contains("offers a refund").contains("Contact billing.")
                .contains("I was charged twice");
    }

    @Test
    void an_unusable_verdict_falls_back_to_the_rules() throws Exception {
        String t = AgentTestingApiTest.test("{'name':'Fallback'," + CHARGED + ",'success_condition':'Offers a refund',"
                + "'success_examples':[{'response':'I will refund it.','type':'success'}],'failure_examples':[]}");
        llm.script.add(text("I will refund it."));
        llm.script.add(text("Looks fine to me."));
        JsonNode run = AgentTestingApiTest.runAndWait(agent, t).get("test_runs").get(0);
        assertThat(run.get("status").asText()).as(run.toString()).isEqualTo("passed");
        assertThat(run.at("/condition_result/rationale/messages/0").asText()).contains("no usable verdict");
        assertThat(AgentTestingApiTest.summary(run)).contains("exact match with a success example");
    }

    @Test
    void a_failing_agent_model_fails_the_run_with_the_reason() throws Exception {
        String t = AgentTestingApiTest.test("{'name':'Down'," + CHARGED + ",'success_condition':'x','success_examples':[],'failure_examples':[]}");
        llm.script.add("status:400");
        JsonNode run = AgentTestingApiTest.runAndWait(agent, t).get("test_runs").get(0);
        assertThat(run.get("status").asText()).isEqualTo("failed");
        assertThat(run.at("/condition_result/rationale/summary").asText()).contains("language model failed");
    }

    @Test
    void llm_parameter_checks_ask_the_judge() throws Exception {
        String t = AgentTestingApiTest.test("{'name':'Refund call'," + CHARGED + ",'success_condition':'','success_examples':[],'failure_examples':[],"
                + "'tool_call_parameters':{'referenced_tool':{'id':'refund','type':'client'},'parameters':["
                + "{'path':'amount','eval':{'type':'regex','pattern':'^[0-9]+\\\\.[0-9]{2}$'}},"
                + "{'path':'note','eval':{'type':'llm','description':'A polite note mentioning the duplicate charge'}}]}}");
        llm.script.add(sse("{'choices':[{'index':0,'delta':{'role':'assistant','tool_calls':[{'index':0,'id':'call_1','type':'function',"
                        + "'function':{'name':'refund','arguments':'{\\'amount\\':\\'12.50\\',\\'note\\':\\'Refunding the duplicate charge, sorry!\\'}'}}]}}]}",
                "{'choices':[{'index':0,'delta':{},'finish_reason':'tool_calls'}]}"));
        llm.script.add(text("Done, the refund is on its way."));
        llm.script.add(text("{\"result\":\"success\",\"rationale\":\"Polite and mentions the duplicate charge.\"}"));
        JsonNode run = AgentTestingApiTest.runAndWait(agent, t).get("test_runs").get(0);
        assertThat(run.get("status").asText()).as(run.toString()).isEqualTo("passed");
        assertThat(run.at("/condition_result/rationale/messages").toString()).contains("matches ^[0-9]+\\\\.[0-9]{2}$").contains("Polite and mentions");
        assertThat(llm.bodies.get(llm.bodies.size() - 1).toString()).contains("one parameter of a tool call").contains("note");
    }
}
