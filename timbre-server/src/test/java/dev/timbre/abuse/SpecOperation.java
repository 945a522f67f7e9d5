package dev.timbre.abuse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timbre.testing.OpenApiContract;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the OpenAPI document says one operation takes: its query parameters and its body's media type and top-level
 * fields (name → JSON type), so that the abuse suite can send each of them with the wrong value. An operation the
 * document lacks (Timbre's own routes) takes nothing known.
 */
record SpecOperation(List<String> queryParams, String bodyType, Map<String, String> bodyFields) {

    static final String JSON = "application/json";
    static final String MULTIPART = "multipart/form-data";

    static SpecOperation of(String method, String pathTemplate) {
        JsonNode op = OpenApiContract.spec().path("paths").path(pathTemplate).path(method.toLowerCase());
        List<String> query = new ArrayList<>();
        for (JsonNode p : op.path("parameters")) if ("query".equals(p.path("in").asText())) query.add(p.path("name").asText());
        JsonNode content = op.path("requestBody").path("content");
        String type = content.has(MULTIPART) ? MULTIPART : content.has(JSON) ? JSON : null;
        Map<String, String> fields = new LinkedHashMap<>();
        if (type != null) {
            JsonNode schema = resolve(content.path(type).path("schema"));
            schema.path("properties").fields().forEachRemaining(f -> fields.put(f.getKey(), typeOf(resolve(f.getValue()))));
        }
        return new SpecOperation(query, type, fields);
    }

    private static JsonNode resolve(JsonNode schema) {
        for (int i = 0; i < 8 && schema.has("$ref"); i++) {
            JsonNode at = OpenApiContract.spec();
            for (String part : schema.get("$ref").asText().substring(2).split("/")) at = at.path(part);
            schema = at;
        }
        return schema;
    }

    private static String typeOf(JsonNode schema) {
        if (schema.has("type")) return schema.get("type").asText();
        for (String alt : List.of("anyOf", "oneOf", "allOf")) {
            for (JsonNode s : schema.path(alt)) {
                String t = typeOf(resolve(s));
                if (!"null".equals(t)) return t;
            }
        }
        return schema.has("properties") ? "object" : "string";
    }
}
