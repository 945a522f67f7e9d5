package dev.timbre.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Validates responses against the ElevenLabs OpenAPI document (the repository's {@code spec/openapi.json}): the operation must exist and declare the status, and a JSON body must match the
 * declared schema. Thread-safe.
 */
public final class OpenApiContract {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNode SPEC = load();
    private static final Map<String, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();

    private OpenApiContract() {}

    /** The repository's {@code spec/} folder (OpenAPI, AsyncAPI and the endpoint index; see its README). */
    public static Path specDir() {
        return RepositoryRoot.path().resolve("spec");
    }

    private static JsonNode load() {
        try {
            return MAPPER.readTree(Files.readAllBytes(specDir().resolve("openapi.json")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode spec() {
        return SPEC;
    }

    /** Asserts that {@code response} is one the spec allows for {@code method pathTemplate}. */
    public static void assertConforms(String method, String pathTemplate, TestServer.Response response) {
        JsonNode op = SPEC.path("paths").path(pathTemplate).path(method.toLowerCase());
        if (op.isMissingNode()) fail("the OpenAPI document has no " + method + " " + pathTemplate);
        JsonNode declared = op.path("responses").path(Integer.toString(response.status()));
        if (declared.isMissingNode()) fail(method + " " + pathTemplate + " does not declare status " + response.status() + ": " + response);
        JsonNode schema = declared.path("content").path("application/json").path("schema");
        if (schema.isMissingNode() || response.status() >= 400) return;
        Set<ValidationMessage> errors = schemaFor(schema).validate(response.json());
        assertThat(errors).as(method + " " + pathTemplate + " response matches its schema; body: " + abbreviate(response.text())).isEmpty();
    }

    /** Validates {@code node} against a named component schema, e.g. {@code VoiceResponseModel}. */
    public static Set<ValidationMessage> validate(String componentName, JsonNode node) {
        ObjectNode ref = MAPPER.createObjectNode().put("$ref", "#/components/schemas/" + componentName);
        return schemaFor(ref).validate(node);
    }

    private static JsonSchema schemaFor(JsonNode schema) {
        return SCHEMAS.computeIfAbsent(schema.toString(), key -> {
            ObjectNode root = MAPPER.createObjectNode();
            root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
            root.set("allOf", MAPPER.createArrayNode().add(schema));
            root.set("components", SPEC.path("components"));
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(root);
        });
    }

    private static String abbreviate(String s) {
        return s.length() > 1500 ? s.substring(0, 1500) + "…" : s;
    }
}
