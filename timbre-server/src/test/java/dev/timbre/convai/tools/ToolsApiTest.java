package dev.timbre.convai.tools;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timbre.http.Json;
import dev.timbre.testing.OpenApiContract;
import dev.timbre.testing.TestServer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("integration")
class ToolsApiTest {
    static TestServer server;

    static final String WEBHOOK = """
            {"tool_config": {"type": "webhook", "name": "get_weather", "description": "Weather for a city",
              "response_timeout_secs": 20, "disable_interruptions": false, "force_pre_tool_speech": false, "assignments": [],
              "api_schema": {"url": "https://example.com/weather/{city}", "method": "GET",
                "path_params_schema": {"city": {"type": "string", "description": "The city"}},
                "request_headers": {"Authorization": {"secret_id": "abc"}}},
              "dynamic_variables": {"dynamic_variable_placeholders": {}}}}""";

    @BeforeAll
    static void start() { server = TestServer.start(); }

    @AfterAll
    static void stop() { server.close(); }

    static TestServer.Response patch(String path, String body) {
        return server.patchJson(path, body);
    }

    @Test
    void creates_gets_lists_updates_and_deletes_a_webhook_tool() throws Exception {
        TestServer.Response created = server.postJson("/v1/convai/tools", WEBHOOK);
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        OpenApiContract.assertConforms("POST", "/v1/convai/tools", created);
        String id = created.json().get("id").asText();
        JsonNode sent = Json.MAPPER.readTree(WEBHOOK).get("tool_config");
        assertThat(created.json().get("tool_config")).isEqualTo(sent);
        assertThat(created.json().at("/access_info/role").asText()).isEqualTo("admin");

        TestServer.Response got = server.get("/v1/convai/tools/" + id);
        assertThat(got.status()).isEqualTo(200);
        OpenApiContract.assertConforms("GET", "/v1/convai/tools/{tool_id}", got);
        assertThat(got.json().get("tool_config")).isEqualTo(sent);

        TestServer.Response list = server.get("/v1/convai/tools");
        assertThat(list.status()).isEqualTo(200);
        OpenApiContract.assertConforms("GET", "/v1/convai/tools", list);
        assertThat(list.json().path("has_more").isBoolean()).as("has_more is required by the SDK").isTrue();
        List<String> ids = new ArrayList<>();
        list.json().get("tools").forEach(t -> ids.add(t.get("id").asText()));
        assertThat(ids).contains(id);

        TestServer.Response updated = patch("/v1/convai/tools/" + id,
                "{\"tool_config\": {\"name\": \"open_door\", \"description\": \"Opens\", \"expects_response\": true}}");
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        OpenApiContract.assertConforms("PATCH", "/v1/convai/tools/{tool_id}", updated);
        assertThat(updated.json().at("/tool_config/type").asText()).isEqualTo("client");
        assertThat(server.get("/v1/convai/tools/" + id).json().at("/tool_config/name").asText()).isEqualTo("open_door");

        TestServer.Response agents = server.get("/v1/convai/tools/" + id + "/dependent-agents?page_size=10");
        assertThat(agents.status()).isEqualTo(200);
        OpenApiContract.assertConforms("GET", "/v1/convai/tools/{tool_id}/dependent-agents", agents);
        assertThat(agents.json().get("agents")).isEmpty();
        assertThat(agents.json().get("has_more").asBoolean()).isFalse();

        TestServer.Response deleted = server.delete("/v1/convai/tools/" + id);
        assertThat(deleted.status()).isEqualTo(200);
        OpenApiContract.assertConforms("DELETE", "/v1/convai/tools/{tool_id}", deleted);
        assertThat(server.get("/v1/convai/tools/" + id).status()).isEqualTo(404);
        assertThat(server.delete("/v1/convai/tools/" + id).status()).isEqualTo(404);
    }

    @Test
    void infers_the_type_of_webhook_and_system_tools() {
        TestServer.Response webhook = server.postJson("/v1/convai/tools",
                "{\"tool_config\": {\"name\": \"string\", \"description\": \"string\", \"api_schema\": {\"url\": \"string\"}}}");
        assertThat(webhook.status()).as(webhook.toString()).isEqualTo(200);
        assertThat(webhook.json().at("/tool_config/type").asText()).isEqualTo("webhook");
        OpenApiContract.assertConforms("POST", "/v1/convai/tools", webhook);

        TestServer.Response system = server.postJson("/v1/convai/tools",
                "{\"tool_config\": {\"name\": \"end_call\", \"description\": \"\", \"params\": {\"system_tool_type\": \"end_call\"}}}");
        assertThat(system.status()).as(system.toString()).isEqualTo(200);
        assertThat(system.json().at("/tool_config/type").asText()).isEqualTo("system");
        OpenApiContract.assertConforms("POST", "/v1/convai/tools", system);
    }

    @Test
    void unknown_ids_are_404_with_the_error_shape() {
        for (TestServer.Response r : List.of(server.get("/v1/convai/tools/nope"), server.delete("/v1/convai/tools/nope"),
                server.get("/v1/convai/tools/nope/dependent-agents"),
                patch("/v1/convai/tools/nope", "{\"tool_config\": {\"name\": \"a\", \"description\": \"b\"}}"))) {
            assertThat(r.status()).as(r.toString()).isEqualTo(404);
            assertThat(r.json().at("/detail/status").asText()).isEqualTo("tool_not_found");
        }
    }

    @Test
    void bad_input_is_422() {
        for (String body : List.of("", "{}", "{\"tool_config\": 3}", "{\"tool_config\": {\"description\": \"no name\"}}",
                "{\"tool_config\": {\"type\": \"mcp\", \"name\": \"x\", \"description\": \"y\"}}",
                "{\"tool_config\": {\"type\": \"webhook\", \"name\": \"x\", \"description\": \"y\"}}",
                "{\"tool_config\": {\"name\": \"x\", \"description\": \"y\", \"api_schema\": {\"url\": \"u\", \"method\": \"TRACE\"}}}",
                "{\"tool_config\": {\"type\": \"system\", \"name\": \"x\"}}")) {
            TestServer.Response r = server.postJson("/v1/convai/tools", body);
            assertThat(r.status()).as(body + " → " + r).isEqualTo(422);
            assertThat(r.json().get("detail").isArray()).isTrue();
        }
        assertThat(server.get("/v1/convai/tools/x/dependent-agents?page_size=500").status()).isEqualTo(422);
    }

    @Test
    void dependent_agents_lists_the_agents_whose_prompt_uses_the_tool() {
        String id = server.postJson("/v1/convai/tools", WEBHOOK).json().get("id").asText();
        String agent = server.postJson("/v1/convai/agents/create", "{\"name\": \"Weather bot\", \"conversation_config\": "
                + "{\"agent\": {\"prompt\": {\"prompt\": \"p\", \"tool_ids\": [\"" + id + "\"]}}}}").json().get("agent_id").asText();
        server.postJson("/v1/convai/agents/create", "{\"name\": \"No tools\", \"conversation_config\": {}}");

        TestServer.Response r = server.get("/v1/convai/tools/" + id + "/dependent-agents");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        OpenApiContract.assertConforms("GET", "/v1/convai/tools/{tool_id}/dependent-agents", r);
        assertThat(r.json().get("agents")).hasSize(1);
        assertThat(r.json().at("/agents/0/id").asText()).isEqualTo(agent);
        assertThat(r.json().at("/agents/0/name").asText()).isEqualTo("Weather bot");
        assertThat(r.json().at("/agents/0/type").asText()).isEqualTo("available");
        assertThat(r.json().get("has_more").asBoolean()).isFalse();

        assertThat(patchAgent(agent, "{\"conversation_config\": {\"agent\": {\"prompt\": {\"tool_ids\": []}}}}").status()).isEqualTo(200);
        assertThat(server.get("/v1/convai/tools/" + id + "/dependent-agents").json().get("agents")).isEmpty();
        assertThat(server.get("/v1/convai/tools/" + id + "/dependent-agents?cursor=abc").status()).isEqualTo(422);
    }

    static TestServer.Response patchAgent(String agentId, String body) {
        return patch("/v1/convai/agents/" + agentId, body);
    }
}
