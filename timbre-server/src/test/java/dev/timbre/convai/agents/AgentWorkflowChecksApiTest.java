package dev.timbre.convai.agents;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timbre.testing.OpenApiContract;
import dev.timbre.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Saving an agent's workflow: sound graphs are kept, broken ones are a 422 in the FastAPI list shape. */
@Tag("integration")
class AgentWorkflowChecksApiTest {
    static TestServer server;

    @BeforeAll
    static void start() { server = TestServer.start(); }

    @AfterAll
    static void stop() { server.close(); }

    static final String NODES = "'start_node':{'type':'start'},'support':{'type':'override_agent','label':'Support','additional_prompt':'Be brief.'},"
            + "'end_node':{'type':'end'}";
    static final String EDGES = "'e1':{'source':'start_node','target':'support','forward_condition':{'type':'unconditional'}},"
            + "'e2':{'source':'support','target':'end_node','forward_condition':{'type':'llm','condition':'the user is done'},"
            + "'backward_condition':null}";

    static TestServer.Response create(String nodes, String edges) {
        return server.postJson("/v1/convai/agents/create", ("{'conversation_config':{},'workflow':{'nodes':{" + nodes + "},'edges':{" + edges + "}}}")
                .replace('\'', '"'));
    }

    /** The single violation of a 422: its loc (joined by '/') and msg. */
    static JsonNode refusal(TestServer.Response r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(422);
        OpenApiContract.assertConforms("POST", "/v1/convai/agents/create", r);
        JsonNode detail = r.json().path("detail");
        assertThat(detail.isArray()).isTrue();
        assertThat(detail).isNotEmpty();
        assertThat(detail.get(0).path("loc").get(0).asText()).isEqualTo("body");
        return detail.get(0);
    }

    static String loc(JsonNode violation) {
        StringBuilder b = new StringBuilder();
        violation.path("loc").forEach(l -> b.append(b.length() == 0 ? "" : "/").append(l.asText()));
        return b.toString();
    }

    @Test
    void aSoundWorkflowIsSavedAndReturned() {
        var r = create(NODES, EDGES);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        var got = server.get("/v1/convai/agents/" + r.json().get("agent_id").asText());
        OpenApiContract.assertConforms("GET", "/v1/convai/agents/{agent_id}", got);
        assertThat(got.json().at("/workflow/nodes/support/label").asText()).isEqualTo("Support");
        assertThat(got.json().at("/workflow/edges/e2/forward_condition/condition").asText()).isEqualTo("the user is done");
        // the fields the SDKs require of a response node are filled in
        assertThat(got.json().at("/workflow/nodes/start_node/edge_order").toString()).isEqualTo("[\"e1\"]");
        assertThat(got.json().at("/workflow/nodes/support/additional_prompt").asText()).isEqualTo("Be brief.");
        assertThat(got.json().at("/workflow/nodes/support/entry_behavior").asText()).isEqualTo("auto");
        assertThat(got.json().at("/workflow/nodes/end_node/position/x").isNumber()).isTrue();
        assertThat(create("", "").status()).as("an empty workflow").isEqualTo(200);
    }

    @Test
    void anEdgeToAMissingNodeIsRefused() {
        JsonNode v = refusal(create(NODES, EDGES + ",'e3':{'source':'support','target':'nowhere'}"));
        assertThat(loc(v)).isEqualTo("body/workflow/edges/e3/target");
        assertThat(v.path("msg").asText()).contains("'nowhere'", "not a node");
    }

    @Test
    void twoStartNodesAreRefused() {
        JsonNode v = refusal(create(NODES + ",'again':{'type':'start'}", EDGES + ",'e3':{'source':'again','target':'end_node'}"));
        assertThat(loc(v)).isEqualTo("body/workflow/nodes");
        assertThat(v.path("msg").asText()).contains("2 start nodes");
    }

    @Test
    void anUnreachableNodeIsRefused() {
        JsonNode v = refusal(create(NODES + ",'orphan':{'type':'override_agent','label':'Orphan'}", EDGES));
        assertThat(loc(v)).isEqualTo("body/workflow/nodes/orphan");
        assertThat(v.path("msg").asText()).contains("cannot be reached");
    }

    @Test
    void aWorkflowWithoutAWayToEndIsRefused() {
        JsonNode v = refusal(create("'start_node':{'type':'start'},'support':{'type':'override_agent','label':'Support'}",
                "'e1':{'source':'start_node','target':'support'}"));
        assertThat(v.path("msg").asText()).contains("no path", "end");
    }

    @Test
    void anUnparsableExpressionIsRefused() {
        JsonNode v = refusal(create(NODES, "'e1':{'source':'start_node','target':'support','forward_condition':{'type':'expression',"
                + "'expression':{'type':'eq_operator','left':{'type':'dynamic_variable','name':'tier'}}}},"
                + "'e2':{'source':'support','target':'end_node'}"));
        assertThat(loc(v)).isEqualTo("body/workflow/edges/e1/forward_condition");
        assertThat(v.path("msg").asText()).contains("'left' and 'right'");
    }

    @Test
    void anUnknownNodeTypeAndAMissingFieldAreRefused() {
        JsonNode v = refusal(create(NODES + ",'x':{'type':'teleport'}", EDGES));
        assertThat(loc(v)).isEqualTo("body/workflow/nodes/x/type");
        assertThat(v.path("type").asText()).isEqualTo("union_tag_invalid");
        v = refusal(create(NODES + ",'t':{'type':'standalone_agent'}", EDGES + ",'e3':{'source':'support','target':'t'}"));
        assertThat(loc(v)).isEqualTo("body/workflow/nodes/t/agent_id");
    }

    @Test
    void anUpdateWithABrokenWorkflowIsRefusedAndChangesNothing() {
        String id = create(NODES, EDGES).json().get("agent_id").asText();
        var r = server.patchJson("/v1/convai/agents/" + id, "{'workflow':{'nodes':{'a':{'type':'start'},'b':{'type':'start'}},'edges':{}}}".replace('\'', '"'));
        assertThat(r.status()).as(r.toString()).isEqualTo(422);
        assertThat(server.get("/v1/convai/agents/" + id).json().at("/workflow/nodes/support/label").asText()).isEqualTo("Support");
    }
}
