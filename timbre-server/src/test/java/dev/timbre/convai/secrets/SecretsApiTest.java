package dev.timbre.convai.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.timbre.testing.OpenApiContract;
import dev.timbre.testing.TestServer;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("integration")
class SecretsApiTest {
    static TestServer server;

    @BeforeAll
    static void start() { server = TestServer.start(); }

    @AfterAll
    static void stop() { server.close(); }

    static TestServer.Response patch(String path, String body) {
        return server.patchJson(path, body);
    }

    @Test
    void creates_lists_updates_and_deletes_without_ever_returning_the_value() throws Exception {
        TestServer.Response created = server.postJson("/v1/convai/secrets", "{\"type\": \"new\", \"name\": \"api-token\", \"value\": \"s3cr3t-VALUE\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        OpenApiContract.assertConforms("POST", "/v1/convai/secrets", created);
        assertThat(created.text()).doesNotContain("s3cr3t-VALUE");
        assertThat(created.json().get("type").asText()).isEqualTo("stored");
        assertThat(created.json().get("name").asText()).isEqualTo("api-token");
        String id = created.json().get("secret_id").asText();
        assertThat(server.timbre().services().secrets().value(id)).isEqualTo("s3cr3t-VALUE");

        TestServer.Response list = server.get("/v1/convai/secrets");
        assertThat(list.status()).isEqualTo(200);
        OpenApiContract.assertConforms("GET", "/v1/convai/secrets", list);
        assertThat(list.text()).doesNotContain("s3cr3t-VALUE").contains(id);
        assertThat(list.json().get("secrets").get(0).get("used_by").get("tools")).isEmpty();

        TestServer.Response updated = patch("/v1/convai/secrets/" + id, "{\"type\": \"update\", \"name\": \"renamed\", \"value\": \"other\"}");
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        OpenApiContract.assertConforms("PATCH", "/v1/convai/secrets/{secret_id}", updated);
        assertThat(updated.text()).doesNotContain("other\"");
        assertThat(server.timbre().services().secrets().value(id)).isEqualTo("other");

        TestServer.Response deleted = server.delete("/v1/convai/secrets/" + id);
        assertThat(deleted.status()).isEqualTo(204);
        OpenApiContract.assertConforms("DELETE", "/v1/convai/secrets/{secret_id}", deleted);
        assertThat(server.delete("/v1/convai/secrets/" + id).status()).isEqualTo(404);
        assertThat(server.get("/v1/convai/secrets").text()).doesNotContain(id);

        var perms = Files.getPosixFilePermissions(server.dataDir().resolve("secrets.key"));
        assertThat(perms).isEqualTo(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
    }

    @Test
    void used_by_lists_tools_and_the_settings_webhook_and_a_used_secret_cannot_be_deleted() {
        String id = server.postJson("/v1/convai/secrets", "{\"type\": \"new\", \"name\": \"hdr\", \"value\": \"v\"}").json().get("secret_id").asText();
        TestServer.Response tool = server.postJson("/v1/convai/tools", "{\"tool_config\": {\"name\": \"t\", \"description\": \"d\", "
                + "\"api_schema\": {\"url\": \"https://x\", \"request_headers\": {\"Authorization\": {\"secret_id\": \"" + id + "\"}}}}}");
        assertThat(tool.status()).as(tool.toString()).isEqualTo(200);
        String toolId = tool.json().get("id").asText();

        TestServer.Response list = server.get("/v1/convai/secrets");
        OpenApiContract.assertConforms("GET", "/v1/convai/secrets", list);
        var secret = java.util.stream.StreamSupport.stream(list.json().get("secrets").spliterator(), false)
                .filter(s -> s.get("secret_id").asText().equals(id)).findFirst().orElseThrow();
        assertThat(secret.at("/used_by/tools/0/id").asText()).isEqualTo(toolId);
        assertThat(secret.at("/used_by/tools/0/type").asText()).isEqualTo("available");

        TestServer.Response refused = server.delete("/v1/convai/secrets/" + id);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().at("/detail/status").asText()).isEqualTo("secret_in_use");

        assertThat(server.delete("/v1/convai/tools/" + toolId).status()).isEqualTo(200);
        String hook = "{\"conversation_initiation_client_data_webhook\": {\"url\": \"https://h\", \"request_headers\": {\"X\": {\"secret_id\": \"" + id + "\"}}}}";
        assertThat(patch("/v1/convai/settings", hook).status()).isEqualTo(200);
        assertThat(server.get("/v1/convai/secrets").text()).contains("conversation_initiation_webhook");
        assertThat(server.delete("/v1/convai/secrets/" + id).status()).isEqualTo(400);
        assertThat(patch("/v1/convai/settings", "{\"conversation_initiation_client_data_webhook\": null}").status()).isEqualTo(200);
        assertThat(server.delete("/v1/convai/secrets/" + id).status()).isEqualTo(204);
    }

    @Test
    void an_agent_using_a_secret_as_its_custom_llm_key_is_listed_and_keeps_the_secret() {
        String id = server.postJson("/v1/convai/secrets", "{\"type\": \"new\", \"name\": \"llm-key\", \"value\": \"k\"}").json().get("secret_id").asText();
        TestServer.Response agent = server.postJson("/v1/convai/agents/create", "{\"name\": \"uses-key\", \"conversation_config\": {\"agent\": "
                + "{\"prompt\": {\"llm\": \"custom-llm\", \"custom_llm\": {\"url\": \"http://127.0.0.1:9/v1\", \"api_key\": {\"secret_id\": \"" + id + "\"}}}}}}");
        assertThat(agent.status()).as(agent.toString()).isEqualTo(200);
        String agentId = agent.json().get("agent_id").asText();

        TestServer.Response one = server.get("/v1/convai/secrets/" + id);
        assertThat(one.json().at("/used_by/agents/0/id").asText()).isEqualTo(agentId);
        assertThat(one.json().at("/used_by/agents/0/name").asText()).isEqualTo("uses-key");
        OpenApiContract.assertConforms("GET", "/v1/convai/secrets", server.get("/v1/convai/secrets"));
        assertThat(server.delete("/v1/convai/secrets/" + id).json().at("/detail/status").asText()).isEqualTo("secret_in_use");

        assertThat(server.delete("/v1/convai/agents/" + agentId).status()).isEqualTo(200);
        assertThat(server.delete("/v1/convai/secrets/" + id).status()).isEqualTo(204);
    }

    @Test
    void unknown_ids_are_404() {
        TestServer.Response r = patch("/v1/convai/secrets/missing", "{\"type\": \"update\", \"name\": \"n\", \"value\": \"v\"}");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.json().at("/detail/status").asText()).isEqualTo("secret_not_found");
        assertThat(server.delete("/v1/convai/secrets/missing").status()).isEqualTo(404);
    }

    @Test
    void bad_input_is_422() {
        for (String body : List.of("", "{}", "{\"name\": \"n\", \"value\": \"v\"}", "{\"type\": \"update\", \"name\": \"n\", \"value\": \"v\"}",
                "{\"type\": \"new\", \"value\": \"v\"}", "{\"type\": \"new\", \"name\": \"n\"}", "{\"type\": \"new\", \"name\": \"\", \"value\": \"v\"}")) {
            TestServer.Response r = server.postJson("/v1/convai/secrets", body);
            assertThat(r.status()).as(body + " → " + r).isEqualTo(422);
        }
        String id = server.postJson("/v1/convai/secrets", "{\"type\": \"new\", \"name\": \"n\", \"value\": \"v\"}").json().get("secret_id").asText();
        assertThat(patch("/v1/convai/secrets/" + id, "{\"type\": \"new\", \"name\": \"n\", \"value\": \"v\"}").status()).isEqualTo(422);
    }

    @Test
    void get_returns_one_secret_like_a_list_item_without_its_value() {
        String id = server.postJson("/v1/convai/secrets", "{\"type\": \"new\", \"name\": \"one\", \"value\": \"hidden-VALUE\"}")
                .json().get("secret_id").asText();
        TestServer.Response r = server.get("/v1/convai/secrets/" + id);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(OpenApiContract.validate("ConvAIWorkspaceStoredSecretConfig", r.json())).isEmpty();
        assertThat(r.text()).doesNotContain("hidden-VALUE");
        assertThat(r.json().get("type").asText()).isEqualTo("stored");
        assertThat(r.json().get("secret_id").asText()).isEqualTo(id);
        assertThat(r.json().get("name").asText()).isEqualTo("one");
        assertThat(r.json().at("/used_by/tools").isArray()).isTrue();
        assertThat(r.json().at("/used_by/others").isArray()).isTrue();

        TestServer.Response missing = server.get("/v1/convai/secrets/nope");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().at("/detail/status").asText()).isEqualTo("secret_not_found");
    }
}
