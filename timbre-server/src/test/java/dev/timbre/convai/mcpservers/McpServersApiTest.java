package dev.timbre.convai.mcpservers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.timbre.config.TimbreConfig;
import dev.timbre.testing.OpenApiContract;
import dev.timbre.testing.TestServer;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The six {@code /v1/convai/mcp-servers} endpoints: shapes against the OpenAPI, defaults, approvals, bad input. */
@Tag("integration")
class McpServersApiTest {
    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(c -> c.withNetwork(new TimbreConfig.Network(List.of("127.0.0.2"))));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static String q(String s) {
        return s.replace('\'', '"');
    }

    static TestServer.Response create(String config) {
        return server.postJson("/v1/convai/mcp-servers", q("{'config':" + config + "}"));
    }

    @Test
    void creates_lists_gets_and_manages_approvals() {
        String secret = server.postJson("/v1/convai/secrets", q("{'type':'new','name':'mcp-key','value':'k'}")).json().get("secret_id").asText();
        TestServer.Response created = create("{'name':'Zapier','url':'https://mcp.example.com/sse','request_headers':{'X-Key':{'secret_id':'"
                + secret + "'},'X-Plain':'v'},'secret_token':{'secret_id':'" + secret + "'}}");
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        OpenApiContract.assertConforms("POST", "/v1/convai/mcp-servers", created);
        String id = created.json().get("id").asText();
        assertThat(created.json().at("/config/transport").asText()).isEqualTo("SSE");
        assertThat(created.json().at("/config/approval_policy").asText()).isEqualTo("require_approval_all");
        assertThat(created.json().at("/config/tool_approval_hashes")).isEmpty();
        assertThat(created.json().at("/metadata/created_at").asLong()).isPositive();
        assertThat(created.json().at("/access_info/role").asText()).isEqualTo("admin");

        TestServer.Response agent = server.postJson("/v1/convai/agents/create", q("{'name':'Uses MCP','conversation_config':{'agent':{"
                + "'prompt':{'prompt':'p','mcp_server_ids':['" + id + "']}}}}"));
        assertThat(agent.status()).as(agent.toString()).isEqualTo(200);

        TestServer.Response got = server.get("/v1/convai/mcp-servers/" + id);
        assertThat(got.status()).isEqualTo(200);
        OpenApiContract.assertConforms("GET", "/v1/convai/mcp-servers/{mcp_server_id}", got);
        assertThat(got.json().at("/dependent_agents/0/id").asText()).isEqualTo(agent.json().get("agent_id").asText());
        assertThat(got.json().at("/config/request_headers/X-Key/secret_id").asText()).isEqualTo(secret);

        TestServer.Response list = server.get("/v1/convai/mcp-servers");
        assertThat(list.status()).isEqualTo(200);
        OpenApiContract.assertConforms("GET", "/v1/convai/mcp-servers", list);
        assertThat(list.text()).contains(id);

        TestServer.Response policy = server.patchJson("/v1/convai/mcp-servers/" + id + "/approval-policy", q("{'approval_policy':'require_approval_per_tool'}"));
        assertThat(policy.status()).as(policy.toString()).isEqualTo(200);
        OpenApiContract.assertConforms("PATCH", "/v1/convai/mcp-servers/{mcp_server_id}/approval-policy", policy);
        assertThat(policy.json().at("/config/approval_policy").asText()).isEqualTo("require_approval_per_tool");

        TestServer.Response approved = server.postJson("/v1/convai/mcp-servers/" + id + "/tool-approvals", q("{'tool_name':'echo',"
                + "'tool_description':'Echoes','input_schema':{'type':'object','properties':{'m':{'type':'string'}}},'approval_policy':'auto_approved'}"));
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        OpenApiContract.assertConforms("POST", "/v1/convai/mcp-servers/{mcp_server_id}/tool-approvals", approved);
        assertThat(approved.json().at("/config/tool_approval_hashes/0/tool_name").asText()).isEqualTo("echo");
        assertThat(approved.json().at("/config/tool_approval_hashes/0/tool_hash").asText()).matches("[0-9a-f]{64}");
        assertThat(approved.json().at("/config/tool_approval_hashes/0/approval_policy").asText()).isEqualTo("auto_approved");
        // the same schema with keys in another order hashes the same; approving again replaces the entry
        TestServer.Response again = server.postJson("/v1/convai/mcp-servers/" + id + "/tool-approvals", q("{'tool_name':'echo',"
                + "'tool_description':'Echoes','input_schema':{'properties':{'m':{'type':'string'}},'type':'object'}}"));
        assertThat(again.json().at("/config/tool_approval_hashes")).hasSize(1);
        assertThat(again.json().at("/config/tool_approval_hashes/0/tool_hash").asText())
                .isEqualTo(approved.json().at("/config/tool_approval_hashes/0/tool_hash").asText());
        assertThat(again.json().at("/config/tool_approval_hashes/0/approval_policy").asText()).isEqualTo("requires_approval");

        TestServer.Response removed = server.delete("/v1/convai/mcp-servers/" + id + "/tool-approvals/echo");
        assertThat(removed.status()).isEqualTo(200);
        OpenApiContract.assertConforms("DELETE", "/v1/convai/mcp-servers/{mcp_server_id}/tool-approvals/{tool_name}", removed);
        assertThat(removed.json().at("/config/tool_approval_hashes")).isEmpty();
    }

    @Test
    void refuses_bad_input_with_422s_and_unknown_ids_with_404() {
        assertThat(server.postJson("/v1/convai/mcp-servers", "{}").json().at("/detail/0/loc").toString()).isEqualTo("[\"body\",\"config\"]");
        assertThat(create("{'url':'https://x.example.com'}").json().at("/detail/0/loc/2").asText()).isEqualTo("name");
        assertThat(create("{'name':'n'}").json().at("/detail/0/loc/2").asText()).isEqualTo("url");
        TestServer.Response transport = create("{'name':'n','url':'https://x.example.com','transport':'WS'}");
        assertThat(transport.status()).isEqualTo(422);
        OpenApiContract.assertConforms("POST", "/v1/convai/mcp-servers", transport);
        assertThat(create("{'name':'n','url':'https://x.example.com','approval_policy':'sometimes'}").status()).isEqualTo(422);
        assertThat(create("{'name':'n','url':'ftp://x.example.com'}").status()).isEqualTo(422);
        TestServer.Response secret = create("{'name':'n','url':'https://x.example.com','request_headers':{'A':{'secret_id':'nope'}}}");
        assertThat(secret.status()).isEqualTo(422);
        assertThat(secret.text()).contains("nope");
        assertThat(create("{'name':'n','url':{'secret_id':'missing'}}").status()).isEqualTo(422);

        TestServer.Response internal = create("{'name':'n','url':'http://127.0.0.1:9/mcp'}");
        assertThat(internal.status()).isEqualTo(422);
        assertThat(internal.json().at("/detail/0/msg").asText()).contains("internal address");
        assertThat(create("{'name':'n','url':'http://169.254.169.254/latest'}").status()).isEqualTo(422);
        assertThat(create("{'name':'n','url':'http://127.0.0.2:9/mcp'}").status()).as("allow-listed").isEqualTo(200);

        assertThat(server.get("/v1/convai/mcp-servers/mcp_nope").status()).isEqualTo(404);
        assertThat(server.get("/v1/convai/mcp-servers/mcp_nope").json().at("/detail/status").asText()).isEqualTo("mcp_server_not_found");
        assertThat(server.patchJson("/v1/convai/mcp-servers/mcp_nope/approval-policy", q("{'approval_policy':'auto_approve_all'}")).status()).isEqualTo(404);
        String id = create("{'name':'n','url':'https://x.example.com'}").json().get("id").asText();
        assertThat(server.patchJson("/v1/convai/mcp-servers/" + id + "/approval-policy", "{}").status()).isEqualTo(422);
        assertThat(server.patchJson("/v1/convai/mcp-servers/" + id + "/approval-policy", q("{'approval_policy':'x'}")).status()).isEqualTo(422);
        assertThat(server.postJson("/v1/convai/mcp-servers/" + id + "/tool-approvals", q("{'tool_name':'t'}")).status()).isEqualTo(422);
        assertThat(server.postJson("/v1/convai/mcp-servers/" + id + "/tool-approvals",
                q("{'tool_name':'t','tool_description':'d','approval_policy':'never'}")).status()).isEqualTo(422);
        assertThat(server.delete("/v1/convai/mcp-servers/mcp_nope/tool-approvals/t").status()).isEqualTo(404);
    }
}
