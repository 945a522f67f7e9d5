package dev.timbre.convai.agenttesting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timbre.testing.OpenApiContract;
import dev.timbre.testing.TestServer;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The agent-testing endpoints (E39–E47) with the built-in rule model as the agent: the deterministic judge decides. */
@Tag("integration")
class AgentTestingApiTest {
    static TestServer server;
    static String shop;

    static final String SHOP = "{'name':'Shop','conversation_config':{'agent':{'first_message':'Hello!','prompt':{'prompt':"
            + "'When the user says order, reply Your order has shipped. Anything else?\\nIf the user asks about status, call tool lookup_status',"
            + "'tools':[{'type':'client','name':'lookup_status','description':'Order status','expects_response':true,"
            + "'parameters':{'type':'object','properties':{'reason':{'type':'string','description':'why'}}}}]}}}}";
    static final String ORDER = "'chat_history':[{'role':'agent','message':'Hello!','time_in_call_secs':0},"
            + "{'role':'user','message':'Where is my order?','time_in_call_secs':3}]";

    @BeforeAll
    static void start() {
        server = TestServer.start();
        shop = agent(SHOP);
    }

    @AfterAll
    static void stop() { server.close(); }

    static String agent(String body) {
        var r = server.postJson("/v1/convai/agents/create", body.replace('\'', '"'));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json().get("agent_id").asText();
    }

    static TestServer.Response create(String body) {
        return server.postJson("/v1/convai/agent-testing/create", body.replace('\'', '"'));
    }

    static String test(String body) {
        var r = create(body);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        OpenApiContract.assertConforms("POST", "/v1/convai/agent-testing/create", r);
        return r.json().get("id").asText();
    }

    static String responseTest(String name, String condition, String success, String failure) {
        return test("{'name':'" + name + "'," + ORDER + ",'success_condition':'" + condition + "','success_examples':["
                + (success == null ? "" : "{'response':'" + success + "','type':'success'}") + "],'failure_examples':["
                + (failure == null ? "" : "{'response':'" + failure + "','type':'failure'}") + "]}");
    }

    static TestServer.Response put(String path, String json) {
        return server.send(server.builder(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json.replace('\'', '"'))));
    }

    /** Runs the tests on the agent and polls the invocation until no run is pending. */
    static JsonNode runAndWait(String agentId, String... testIds) throws InterruptedException {
        StringBuilder tests = new StringBuilder();
        for (String id : testIds) tests.append(tests.isEmpty() ? "" : ",").append("{'test_id':'").append(id).append("'}");
        var r = server.postJson("/v1/convai/agents/" + agentId + "/run-tests", ("{'tests':[" + tests + "]}").replace('\'', '"'));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        OpenApiContract.assertConforms("POST", "/v1/convai/agents/{agent_id}/run-tests", r);
        assertThat(r.json().get("test_runs")).hasSize(testIds.length);
        return waitFor(r.json().get("id").asText());
    }

    static JsonNode waitFor(String invocationId) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (true) {
            var g = server.get("/v1/convai/test-invocations/" + invocationId);
            assertThat(g.status()).as(g.toString()).isEqualTo(200);
            OpenApiContract.assertConforms("GET", "/v1/convai/test-invocations/{test_invocation_id}", g);
            boolean pending = false;
            for (JsonNode run : g.json().get("test_runs")) pending |= run.get("status").asText().equals("pending");
            if (!pending) return g.json();
            assertThat(System.nanoTime()).as("the invocation finished in time").isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    static String summary(JsonNode run) {
        return run.at("/condition_result/rationale/summary").asText();
    }

    @Test
    void a_test_is_created_read_updated_listed_and_deleted() {
        String id = responseTest("Shipping answer", "The agent says the order has shipped", "Your order has shipped.", null);
        var got = server.get("/v1/convai/agent-testing/" + id);
        assertThat(got.status()).isEqualTo(200);
        OpenApiContract.assertConforms("GET", "/v1/convai/agent-testing/{test_id}", got);
        assertThat(got.json().get("id").asText()).isEqualTo(id);
        assertThat(got.json().get("name").asText()).isEqualTo("Shipping answer");
        assertThat(got.json().get("type").asText()).isEqualTo("llm");
        assertThat(got.json().at("/chat_history/1/message").asText()).isEqualTo("Where is my order?");
        assertThat(got.json().at("/success_examples/0/response").asText()).isEqualTo("Your order has shipped.");

        var updated = put("/v1/convai/agent-testing/" + id, "{'name':'Shipping (renamed)'," + ORDER
                + ",'success_condition':'c','success_examples':[],'failure_examples':[],'dynamic_variables':{'tier':'gold','n':2}}");
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        OpenApiContract.assertConforms("PUT", "/v1/convai/agent-testing/{test_id}", updated);
        assertThat(updated.json().get("name").asText()).isEqualTo("Shipping (renamed)");
        assertThat(updated.json().at("/dynamic_variables/n").asInt()).isEqualTo(2);

        var search = server.get("/v1/convai/agent-testing?search=RENAMED");
        assertThat(search.status()).isEqualTo(200);
        OpenApiContract.assertConforms("GET", "/v1/convai/agent-testing", search);
        assertThat(search.json().get("tests")).extracting(t -> t.get("id").asText()).containsExactly(id);

        var summaries = server.postJson("/v1/convai/agent-testing/summaries", "{\"test_ids\":[\"" + id + "\"]}");
        assertThat(summaries.status()).as(summaries.toString()).isEqualTo(200);
        OpenApiContract.assertConforms("POST", "/v1/convai/agent-testing/summaries", summaries);
        assertThat(summaries.json().at("/tests/" + id + "/name").asText()).isEqualTo("Shipping (renamed)");

        var deleted = server.delete("/v1/convai/agent-testing/" + id);
        assertThat(deleted.status()).isEqualTo(200);
        OpenApiContract.assertConforms("DELETE", "/v1/convai/agent-testing/{test_id}", deleted);
        var gone = server.get("/v1/convai/agent-testing/" + id);
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.json().at("/detail/status").asText()).isEqualTo("test_not_found");
        assertThat(server.delete("/v1/convai/agent-testing/" + id).status()).isEqualTo(404);
    }

    @Test
    void the_list_pages_newest_first_with_a_cursor() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) ids.add(responseTest("Paged " + i, "x", null, null));
        var first = server.get("/v1/convai/agent-testing?search=paged&page_size=2");
        assertThat(first.status()).isEqualTo(200);
        OpenApiContract.assertConforms("GET", "/v1/convai/agent-testing", first);
        assertThat(first.json().get("has_more").asBoolean()).isTrue();
        assertThat(first.json().get("tests")).extracting(t -> t.get("id").asText()).containsExactly(ids.get(2), ids.get(1));
        var second = server.get("/v1/convai/agent-testing?search=paged&page_size=2&cursor=" + first.json().get("next_cursor").asText());
        assertThat(second.json().get("tests")).extracting(t -> t.get("id").asText()).containsExactly(ids.get(0));
        assertThat(second.json().get("has_more").asBoolean()).isFalse();
        assertThat(second.json().get("tests").get(0).get("created_at_unix_secs").asLong()).isPositive();
        assertThat(server.get("/v1/convai/agent-testing?page_size=0").status()).isEqualTo(422);
        assertThat(server.get("/v1/convai/agent-testing?cursor=nope").status()).isEqualTo(422);
    }

    @Test
    void response_tests_pass_or_fail_with_the_rule_that_decided() throws Exception {
        String exact = responseTest("Exact", "Tells the order shipped", "Your order has shipped. Anything else?", "I do not know.");
        String quoted = responseTest("Quoted", "The agent must mention \\\"refund\\\"", null, null);
        String regex = responseTest("Regex", "/order has (shipped|arrived)/i", null, null);
        String overlap = responseTest("Overlap", "Says it shipped", "Your order shipped today.", "Sorry, I cannot help with that.");
        JsonNode inv = runAndWait(shop, exact, quoted, regex, overlap);
        JsonNode runs = inv.get("test_runs");
        assertThat(runs).extracting(r -> r.get("test_id").asText()).containsExactly(exact, quoted, regex, overlap);
        assertThat(runs).extracting(r -> r.get("status").asText()).containsExactly("passed", "failed", "passed", "passed");
        assertThat(summary(runs.get(0))).contains("exact match with a success example");
        assertThat(summary(runs.get(1))).contains("quoted phrases");
        assertThat(runs.get(1).at("/condition_result/rationale/messages/0").asText()).contains("refund");
        assertThat(runs.get(1).at("/condition_result/result").asText()).isEqualTo("failure");
        assertThat(summary(runs.get(2))).contains("regular expression");
        assertThat(summary(runs.get(3))).contains("word overlap");
        assertThat(runs.get(0).at("/agent_responses/0/message").asText()).isEqualTo("Your order has shipped. Anything else?");
        assertThat(runs.get(0).at("/agent_responses/0/role").asText()).isEqualTo("agent");
        assertThat(runs.get(0).get("agent_id").asText()).isEqualTo(shop);
        assertThat(runs.get(0).get("test_invocation_id").asText()).isEqualTo(inv.get("id").asText());
    }

    @Test
    void a_free_text_condition_without_examples_is_unknown_and_fails() throws Exception {
        String vague = responseTest("Vague", "The agent is helpful", null, null);
        JsonNode run = runAndWait(shop, vague).get("test_runs").get(0);
        assertThat(run.get("status").asText()).isEqualTo("failed");
        assertThat(run.at("/condition_result/result").asText()).isEqualTo("unknown");
        assertThat(run.at("/condition_result/rationale/messages/0").asText()).contains("rule model cannot judge");
    }

    @Test
    void tool_tests_check_the_call_and_its_parameters() throws Exception {
        String status = "'chat_history':[{'role':'user','message':'What is the status of my parcel?','time_in_call_secs':0}]";
        String exact = test("{'name':'Status exact'," + status + ",'success_condition':'','success_examples':[],'failure_examples':[],"
                + "'tool_call_parameters':{'referenced_tool':{'id':'lookup_status','type':'client'},'parameters':[{'path':'reason',"
                + "'eval':{'type':'exact','expected_value':'the user asked about status'}}]}}");
        String regex = test("{'name':'Status regex'," + status + ",'success_condition':'','success_examples':[],'failure_examples':[],"
                + "'tool_call_parameters':{'referenced_tool':{'id':'lookup_status','type':'client'},'parameters':[{'path':'reason',"
                + "'eval':{'type':'regex','pattern':'^ORD-[0-9]{8}$'}}]}}");
        String other = test("{'type':'tool','name':'Wrong tool'," + status + ",'tool_call_parameters':{'referenced_tool':{'id':'end_call','type':'system'}}}");
        String llm = test("{'name':'Status llm'," + status + ",'success_condition':'','success_examples':[],'failure_examples':[],"
                + "'tool_call_parameters':{'referenced_tool':{'id':'lookup_status','type':'client'},'parameters':[{'path':'reason',"
                + "'eval':{'type':'llm','description':'Why the agent looks it up'}}]}}");
        JsonNode runs = runAndWait(shop, exact, regex, other, llm).get("test_runs");
        assertThat(runs).extracting(r -> r.get("status").asText()).containsExactly("passed", "failed", "failed", "passed");
        assertThat(runs.get(0).at("/agent_responses/0/tool_calls/0/tool_name").asText()).isEqualTo("lookup_status");
        assertThat(runs.get(1).at("/condition_result/rationale/messages/1").asText()).contains("does not match ^ORD-[0-9]{8}$");
        assertThat(runs.get(2).at("/condition_result/rationale/messages/0").asText()).contains("did not call end_call");
        assertThat(runs.get(3).at("/condition_result/rationale/messages/1").asText()).contains("not judged by an AI model");
        var got = server.get("/v1/convai/agent-testing/" + other);
        OpenApiContract.assertConforms("GET", "/v1/convai/agent-testing/{test_id}", got);
        assertThat(got.json().get("type").asText()).isEqualTo("tool");
    }

    @Test
    void resubmit_runs_chosen_runs_again_on_another_agent() throws Exception {
        String t = responseTest("Resubmit", "/shipped/", null, null);
        String quiet = agent("{'name':'Quiet','conversation_config':{'agent':{'first_message':'','prompt':{'prompt':'When the user says order, reply No idea.'}}}}");
        JsonNode inv = runAndWait(quiet, t);
        JsonNode run = inv.get("test_runs").get(0);
        assertThat(run.get("status").asText()).isEqualTo("failed");
        String body = "{'test_run_ids':['" + run.get("test_run_id").asText() + "'],'agent_id':'" + shop + "'}";
        var r = server.postJson("/v1/convai/test-invocations/" + inv.get("id").asText() + "/resubmit", body.replace('\'', '"'));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        OpenApiContract.assertConforms("POST", "/v1/convai/test-invocations/{test_invocation_id}/resubmit", r);
        JsonNode again = waitFor(inv.get("id").asText()).get("test_runs").get(0);
        assertThat(again.get("test_run_id").asText()).isEqualTo(run.get("test_run_id").asText());
        assertThat(again.get("status").asText()).isEqualTo("passed");
        assertThat(again.get("agent_id").asText()).isEqualTo(shop);

        var unknownRun = server.postJson("/v1/convai/test-invocations/" + inv.get("id").asText() + "/resubmit",
                ("{'test_run_ids':['nope'],'agent_id':'" + shop + "'}").replace('\'', '"'));
        assertThat(unknownRun.status()).isEqualTo(404);
        assertThat(unknownRun.json().at("/detail/status").asText()).isEqualTo("test_run_not_found");
    }

    @Test
    void an_agent_config_override_changes_the_agent_for_the_run() throws Exception {
        String t = responseTest("Override", "/No idea/", null, null);
        var r = server.postJson("/v1/convai/agents/" + shop + "/run-tests", ("{'tests':[{'test_id':'" + t + "'}],'agent_config_override':{"
                + "'conversation_config':{'agent':{'prompt':{'prompt':'When the user says order, reply No idea.'}}},'platform_settings':{}}}").replace('\'', '"'));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        JsonNode run = waitFor(r.json().get("id").asText()).get("test_runs").get(0);
        assertThat(run.get("status").asText()).as(run.toString()).isEqualTo("passed");
    }

    @Test
    void dynamic_variables_reach_the_agent() throws Exception {
        String greeter = agent("{'name':'Greeter','conversation_config':{'agent':{'first_message':'','prompt':{'prompt':"
                + "'When the user says order, reply Hello {{customer_name}}, it shipped.'}}}}");
        String t = test("{'name':'Variables'," + ORDER + ",'success_condition':'/^Hello Ann, it shipped/','success_examples':[],"
                + "'failure_examples':[],'dynamic_variables':{'customer_name':'Ann'}}");
        JsonNode run = runAndWait(greeter, t).get("test_runs").get(0);
        assertThat(run.get("status").asText()).as(run.toString()).isEqualTo("passed");
    }

    @Test
    void bad_input_is_a_clear_4xx() {
        String t = responseTest("Bad input", "x", null, null);
        var noAgent = server.postJson("/v1/convai/agents/agent_nope/run-tests", "{\"tests\":[{\"test_id\":\"" + t + "\"}]}");
        assertThat(noAgent.status()).isEqualTo(404);
        assertThat(noAgent.json().at("/detail/status").asText()).isEqualTo("agent_not_found");
        var noTest = server.postJson("/v1/convai/agents/" + shop + "/run-tests", "{\"tests\":[{\"test_id\":\"nope\"}]}");
        assertThat(noTest.status()).isEqualTo(404);
        assertThat(noTest.json().at("/detail/status").asText()).isEqualTo("test_not_found");
        assertThat(loc(server.postJson("/v1/convai/agents/" + shop + "/run-tests", "{\"tests\":[]}"))).isEqualTo("body.tests");
        assertThat(loc(server.postJson("/v1/convai/agents/" + shop + "/run-tests", ("{'tests':[{'test_id':'" + t
                + "'}],'agent_config_override':{'conversation_config':{}}}").replace('\'', '"')))).isEqualTo("body.agent_config_override.platform_settings");
        assertThat(server.get("/v1/convai/test-invocations/nope").status()).isEqualTo(404);
        assertThat(server.get("/v1/convai/test-invocations/nope").json().at("/detail/status").asText()).isEqualTo("test_invocation_not_found");

        assertThat(loc(create("{'name':'x','success_condition':'c','success_examples':[],'failure_examples':[]}"))).isEqualTo("body.chat_history");
        assertThat(loc(create("{'name':'x','chat_history':[],'success_condition':'c','success_examples':[],'failure_examples':[]}"))).isEqualTo("body.chat_history");
        assertThat(loc(create("{'name':'x'," + ORDER + ",'success_examples':[],'failure_examples':[]}"))).isEqualTo("body.success_condition");
        assertThat(loc(create("{'name':'x','chat_history':[{'role':'bot','time_in_call_secs':0}],'success_condition':'c','success_examples':[],"
                + "'failure_examples':[]}"))).isEqualTo("body.chat_history.0.role");
        assertThat(loc(create("{'name':'x'," + ORDER + ",'success_condition':'c','success_examples':[{'response':'r','type':'failure'}],"
                + "'failure_examples':[]}"))).isEqualTo("body.success_examples.0.type");
        assertThat(loc(create("{'name':'x'," + ORDER + ",'success_condition':'c','success_examples':[],'failure_examples':[],"
                + "'tool_call_parameters':{'referenced_tool':{'id':'t','type':'client'},'parameters':[{'path':'p','eval':{'type':'regex','pattern':'('}}]}}")))
                .isEqualTo("body.tool_call_parameters.parameters.0.eval.pattern");
        assertThat(loc(create("{'name':'x'," + ORDER + ",'success_condition':'c','success_examples':[],'failure_examples':[],"
                + "'tool_call_parameters':{'referenced_tool':{'id':'t','type':'client'},'parameters':[{'path':'p','eval':{'type':'fuzzy'}}]}}")))
                .isEqualTo("body.tool_call_parameters.parameters.0.eval");
        assertThat(loc(create("{'type':'simulation','name':'x'," + ORDER + "}"))).isEqualTo("body.type");
        assertThat(server.post("/v1/convai/agent-testing/create", "application/json", "{".getBytes()).status()).isEqualTo(422);
        assertThat(loc(server.postJson("/v1/convai/agent-testing/summaries", "{\"test_ids\":[\"a\",\"a\"]}"))).isEqualTo("body.test_ids.1");
        assertThat(put("/v1/convai/agent-testing/nope", "{}").status()).isEqualTo(404);
    }

    static String loc(TestServer.Response r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(422);
        List<String> parts = new ArrayList<>();
        r.json().at("/detail/0/loc").forEach(n -> parts.add(n.asText()));
        return String.join(".", parts);
    }
}
