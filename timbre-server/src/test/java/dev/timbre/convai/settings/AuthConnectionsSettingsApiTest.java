package dev.timbre.convai.settings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.timbre.testing.OpenApiContract;
import dev.timbre.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Workspace auth connections live in the ConvAI settings ({@code workspace_auth_connections}); credentials are secret ids. */
@Tag("integration")
class AuthConnectionsSettingsApiTest {
    static TestServer server;

    @BeforeAll
    static void start() { server = TestServer.start(); }

    @AfterAll
    static void stop() { server.close(); }

    @Test
    void connectionsAreStoredWithSecretIdsOnly() {
        TestServer.Response patched = server.patchJson("/v1/convai/settings", """
                {"workspace_auth_connections": {
                   "crm": {"type": "oauth2_client_credentials", "token_url": "https://auth.example.com/token", "client_id": "cid",
                           "client_secret": {"secret_id": "sec_1"}, "scopes": "read,write", "extra_params": {"audience": "crm"}},
                   "legacy": {"type": "basic", "username": "ada", "password": {"secret_id": "sec_2"}},
                   "simple": {"type": "bearer", "token": {"secret_id": "sec_3"}}}}""");
        assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
        OpenApiContract.assertConforms("PATCH", "/v1/convai/settings", patched);
        TestServer.Response got = server.get("/v1/convai/settings");
        OpenApiContract.assertConforms("GET", "/v1/convai/settings", got);
        assertThat(got.json().at("/workspace_auth_connections/crm/client_secret/secret_id").asText()).isEqualTo("sec_1");
        assertThat(got.json().at("/workspace_auth_connections/legacy/password").size()).isEqualTo(1);
        assertThat(got.json().at("/rag_retention_period_days").asInt()).isPositive();
    }

    @Test
    void plainCredentialsAndBadConnectionsAre422() {
        String[][] cases = {
                {"{\"workspace_auth_connections\": {\"a\": {\"type\": \"basic\", \"username\": \"u\", \"password\": \"plain\"}}}", "password"},
                {"{\"workspace_auth_connections\": {\"a\": {\"type\": \"digest\"}}}", "type"},
                {"{\"workspace_auth_connections\": {\"a\": {\"type\": \"oauth2_client_credentials\", \"token_url\": \"ftp://x\", "
                        + "\"client_id\": \"c\", \"client_secret\": {\"secret_id\": \"s\"}}}}", "token_url"},
                {"{\"workspace_auth_connections\": {\"a\": {\"type\": \"bearer\"}}}", "token"},
                {"{\"workspace_auth_connections\": [1]}", "workspace_auth_connections"},
        };
        for (String[] c : cases) {
            TestServer.Response r = server.patchJson("/v1/convai/settings", c[0]);
            assertThat(r.status()).as(c[0] + " → " + r).isEqualTo(422);
            assertThat(r.json().at("/detail/0/loc").toString()).contains("\"" + c[1] + "\"");
        }
    }
}
