package dev.timbre.apidocs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timbre.testing.TestServer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("integration")
class ApiDocsApiTest {
    static TestServer server;

    @BeforeAll
    static void start() { server = TestServer.start(); }

    @AfterAll
    static void stop() { server.close(); }

    /** No API key: the documentation is public, like /health. */
    static TestServer.Response anonymous(String path) {
        return server.send(HttpRequest.newBuilder(URI.create(server.url(path))).GET());
    }

    @Test
    void openapi_json_lists_exactly_the_routed_operations_with_every_reference_resolved() {
        var r = anonymous("/openapi.json");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("content-type")).startsWith("application/json");
        JsonNode doc = r.json();
        assertThat(doc.path("openapi").asText()).startsWith("3.");
        assertThat(doc.path("info").path("title").asText()).isEqualTo("Timbre");

        List<String> operations = new ArrayList<>();
        doc.path("paths").fields().forEachRemaining(p -> p.getValue().fieldNames().forEachRemaining(m -> {
            if (List.of("get", "put", "post", "delete", "patch").contains(m)) operations.add(m.toUpperCase(Locale.ROOT) + " " + p.getKey());
        }));
        List<String> routes = server.timbre().routes();
        assertThat(routes).containsAll(operations);
        assertThat(operations).contains("POST /v1/text-to-speech/{voice_id}", "GET /v1/voices", "POST /v1/convai/knowledge-base/text",
                "POST /v1/convai/mcp-servers");
        assertThat(operations).hasSizeGreaterThan(100);
        assertThat(doc.path("paths").has("/v1/studio/projects")).isTrue();
        assertThat(doc.path("paths").has("/v1/dubbing/{dubbing_id}/transcript/{language_code}")).isTrue();

        // every $ref points at a component that is there, and nothing unreachable is left
        List<String> refs = doc.findValuesAsText("$ref");
        assertThat(refs).isNotEmpty().allSatisfy(ref -> assertThat(doc.at(ref.substring(1)).isMissingNode()).as(ref).isFalse());
        int schemas = doc.path("components").path("schemas").size();
        assertThat(schemas).isLessThan(dev.timbre.apidocs.ServedOpenApi.specification().path("components").path("schemas").size());
        assertThat(doc.path("components").path("securitySchemes").path("ApiKeyAuth").path("name").asText()).isEqualTo("xi-api-key");
    }

    @Test
    void docs_serve_the_reference_page_and_its_swagger_ui_assets_only() {
        var page = anonymous("/docs");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("content-type")).startsWith("text/html");
        assertThat(page.text()).contains("/openapi.json", "/docs/assets/swagger-ui-bundle.js", "<title>Timbre API reference</title>");

        var bundle = anonymous("/docs/assets/swagger-ui-bundle.js");
        assertThat(bundle.status()).as("the webjar version matches ApiDocsRoutes.SWAGGER_UI_VERSION").isEqualTo(200);
        assertThat(bundle.header("content-type")).startsWith("text/javascript");
        assertThat(bundle.body().length).isGreaterThan(100_000);
        assertThat(anonymous("/docs/assets/swagger-ui.css").status()).isEqualTo(200);

        assertThat(anonymous("/docs/assets/index.html").status()).isEqualTo(404);
        assertThat(anonymous("/docs/assets/..%2F..%2Fspec%2Fopenapi.json").status()).isEqualTo(404);
    }
}
