package dev.timbre.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.timbre.testing.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Restarting on the same data with another {@code TIMBRE_API_KEY} rotates the bootstrap key; other keys stay. */
@Tag("integration")
class BootstrapRotationApiTest {
    static final String KEYS = "/v1/service-accounts/" + ServiceAccountKeysApiTest.SA + "/api-keys";

    static int status(TestServer server, String key, String path) {
        return server.send(server.builder(path).setHeader("xi-api-key", key)).status();
    }

    @Test
    void a_new_bootstrap_key_retires_the_old_one() throws Exception {
        Path data = Files.createTempDirectory("timbre-rotation");
        String serviceKey;
        try (TestServer first = TestServer.start(c -> c.withDataDir(data).withApiKey("first-bootstrap-key"))) {
            assertThat(status(first, "first-bootstrap-key", "/v1/models")).isEqualTo(200);
            var created = first.send(first.builder(KEYS).setHeader("xi-api-key", "first-bootstrap-key").header("Content-Type", "application/json")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(dev.timbre.http.Json.write(Map.of("name", "stays", "permissions", List.of("models_read"))))));
            serviceKey = created.json().get("xi-api-key").asText();
        }
        try (TestServer second = TestServer.start(c -> c.withDataDir(data).withApiKey("second-bootstrap-key"))) {
            var old = second.send(second.builder("/v1/models").setHeader("xi-api-key", "first-bootstrap-key"));
            assertThat(old.status()).isEqualTo(401);
            assertThat(old.json().at("/detail/status").asText()).isEqualTo("invalid_api_key");
            assertThat(status(second, "second-bootstrap-key", "/v1/service-accounts")).isEqualTo(200);
            assertThat(status(second, serviceKey, "/v1/models")).as("service-account keys survive rotation").isEqualTo(200);
        }
        try (TestServer third = TestServer.start(c -> c.withDataDir(data).withApiKey(null))) {
            String generated = Files.readString(data.resolve(BootstrapKey.FILE)).trim();
            assertThat(status(third, generated, "/v1/models")).isEqualTo(200);
            assertThat(status(third, "second-bootstrap-key", "/v1/models")).as("without TIMBRE_API_KEY the generated key is the admin").isEqualTo(401);
        }
    }
}
