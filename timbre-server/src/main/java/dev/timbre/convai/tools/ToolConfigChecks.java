package dev.timbre.convai.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.timbre.http.ApiException;
import java.util.List;
import java.util.Set;

/**
 * Checks a {@code tool_config} (webhook, client or system tool) and returns a copy with its {@code type} set. The seed's
 * {@code type} is optional, so a tool without one is a webhook when it has {@code api_schema}, a system tool when it has
 * {@code params}, else a client tool. Everything else is kept verbatim.
 */
final class ToolConfigChecks {
    static final Set<String> TYPES = Set.of("webhook", "client", "system");
    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");

    private ToolConfigChecks() {}

    static ObjectNode check(JsonNode config) {
        if (config == null || config.isMissingNode()) throw ApiException.invalid("Field required", "missing", "body", "tool_config");
        if (!config.isObject()) throw ApiException.invalid("Input should be a valid dictionary or object", "model_attributes_type", "body", "tool_config");
        ObjectNode c = ((ObjectNode) config).deepCopy();
        String type = type(c);
        c.put("type", type);
        requireString(c, "name", type);
        if (!type.equals("system")) requireString(c, "description", type);
        else optionalString(c, "description", type);
        if (type.equals("webhook")) {
            JsonNode schema = c.get("api_schema");
            if (schema == null || schema.isNull()) throw ApiException.invalid("Field required", "missing", loc(type, "api_schema"));
            if (!schema.isObject()) throw ApiException.invalid("Input should be a valid dictionary or object", "model_attributes_type", loc(type, "api_schema"));
            requireString((ObjectNode) schema, "url", type, "api_schema");
            JsonNode method = schema.get("method");
            if (method != null && !(method.isTextual() && METHODS.contains(method.asText()))) {
                throw ApiException.invalid("Input should be 'GET', 'POST', 'PUT', 'PATCH' or 'DELETE'", "enum", loc(type, "api_schema", "method"));
            }
        }
        if (type.equals("system")) {
            JsonNode params = c.get("params");
            if (params == null || params.isNull()) throw ApiException.invalid("Field required", "missing", loc(type, "params"));
            if (!params.isObject()) throw ApiException.invalid("Input should be a valid dictionary or object", "model_attributes_type", loc(type, "params"));
        }
        ResponseAssignments.check(c.get("assignments"), loc(type));
        JsonNode timeout = c.get("response_timeout_secs");
        if (timeout != null && !timeout.isNull() && !timeout.canConvertToExactIntegral()) {
            throw ApiException.invalid("Input should be a valid integer", "int_type", loc(type, "response_timeout_secs"));
        }
        return c;
    }

    private static String type(ObjectNode c) {
        JsonNode t = c.get("type");
        if (t != null && !t.isNull()) {
            if (!t.isTextual() || !TYPES.contains(t.asText())) {
                throw ApiException.invalid("Input tag '" + t.asText() + "' found using 'type' does not match any of the expected tags: "
                        + "'webhook', 'client', 'system'", "union_tag_invalid", "body", "tool_config");
            }
            return t.asText();
        }
        if (c.has("api_schema")) return "webhook";
        if (c.has("params")) return "system";
        return "client";
    }

    private static void requireString(ObjectNode node, String field, String type, Object... parents) {
        JsonNode v = node.get(field);
        Object[] where = loc(type, concat(parents, field));
        if (v == null || v.isNull()) throw ApiException.invalid("Field required", "missing", where);
        if (!v.isTextual()) throw ApiException.invalid("Input should be a valid string", "string_type", where);
    }

    private static void optionalString(ObjectNode node, String field, String type) {
        JsonNode v = node.get(field);
        if (v != null && !v.isNull() && !v.isTextual()) throw ApiException.invalid("Input should be a valid string", "string_type", loc(type, field));
    }

    private static Object[] concat(Object[] parents, String field) {
        Object[] all = java.util.Arrays.copyOf(parents, parents.length + 1);
        all[parents.length] = field;
        return all;
    }

    private static Object[] loc(String type, Object... path) {
        List<Object> l = new java.util.ArrayList<>(List.of("body", "tool_config", type));
        l.addAll(List.of(path));
        return l.toArray();
    }
}
