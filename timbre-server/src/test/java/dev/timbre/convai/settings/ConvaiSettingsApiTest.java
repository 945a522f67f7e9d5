package dev.timbre.convai.settings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.timbre.testing.OpenApiContract;
import dev.timbre.testing.TestServer;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("integration")
class ConvaiSettingsApiTest {
    static TestServer server;

    @BeforeAll
    static void start() { server = TestServer.start(); }

    @AfterAll
    static void stop() { server.close(); }

    static TestServer.Response patch(String path, String body) {
        return server.patchJson(path, body);
    }

    @Test
    void settings_have_defaults_and_patches_keep_other_fields() {
        TestServer.Response got = server.get("/v1/convai/settings");
        assertThat(got.status()).isEqualTo(200);
        OpenApiContract.assertConforms("GET", "/v1/convai/settings", got);
        assertThat(got.json().get("rag_retention_period_days").asInt()).isEqualTo(10);
        assertThat(got.json().get("can_use_mcp_servers").asBoolean()).isFalse();

        TestServer.Response patched = patch("/v1/convai/settings", """
                {"can_use_mcp_servers": true, "default_livekit_stack": "static",
                 "conversation_initiation_client_data_webhook": {"url": "https://hook", "request_headers": {"X": {"secret_id": "s1"}}},
                 "webhooks": {"post_call_webhook_id": "w1", "send_audio": true, "events": ["transcript"]}}""");
        assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
        OpenApiContract.assertConforms("PATCH", "/v1/convai/settings", patched);
        TestServer.Response again = patch("/v1/convai/settings", "{\"rag_retention_period_days\": 20}");
        assertThat(again.status()).isEqualTo(200);
        TestServer.Response after = server.get("/v1/convai/settings");
        assertThat(after.json().get("rag_retention_period_days").asInt()).isEqualTo(20);
        assertThat(after.json().get("can_use_mcp_servers").asBoolean()).isTrue();
        assertThat(after.json().at("/webhooks/post_call_webhook_id").asText()).isEqualTo("w1");
        assertThat(after.json().at("/conversation_initiation_client_data_webhook/request_headers/X/secret_id").asText()).isEqualTo("s1");
        assertThat(patch("/v1/convai/settings", "").status()).isEqualTo(200);
    }

    @Test
    void dashboard_round_trips_its_charts() {
        TestServer.Response got = server.get("/v1/convai/settings/dashboard");
        assertThat(got.status()).isEqualTo(200);
        OpenApiContract.assertConforms("GET", "/v1/convai/settings/dashboard", got);
        assertThat(got.json().get("charts")).isEmpty();

        TestServer.Response patched = patch("/v1/convai/settings/dashboard", """
                {"charts": [{"name": "Success", "type": "call_success"}, {"name": "C", "criteria_id": "c1"},
                            {"name": "D", "type": "data_collection", "data_collection_id": "d1"}]}""");
        assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
        OpenApiContract.assertConforms("PATCH", "/v1/convai/settings/dashboard", patched);
        TestServer.Response after = server.get("/v1/convai/settings/dashboard");
        assertThat(after.json().get("charts")).hasSize(3);
        assertThat(after.json().at("/charts/1/type").asText()).isEqualTo("criteria");
        assertThat(after.json().at("/charts/2/data_collection_id").asText()).isEqualTo("d1");
    }

    @Test
    void bad_input_is_422() {
        for (String body : List.of("[]", "{\"can_use_mcp_servers\": \"yes\"}", "{\"rag_retention_period_days\": 0}",
                "{\"rag_retention_period_days\": 31}", "{\"default_livekit_stack\": \"big\"}", "{\"webhooks\": {\"events\": [\"nope\"]}}",
                "{\"conversation_initiation_client_data_webhook\": {\"request_headers\": {}}}")) {
            TestServer.Response r = patch("/v1/convai/settings", body);
            assertThat(r.status()).as(body + " → " + r).isEqualTo(422);
        }
        for (String body : List.of("{\"charts\": {}}", "{\"charts\": [{\"type\": \"criteria\", \"name\": \"x\"}]}",
                "{\"charts\": [{\"type\": \"pie\", \"name\": \"x\"}]}", "{\"charts\": [{}]}")) {
            TestServer.Response r = patch("/v1/convai/settings/dashboard", body);
            assertThat(r.status()).as(body + " → " + r).isEqualTo(422);
        }
    }
}
