package dev.timbre.convai.tools;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timbre.http.ApiException;
import dev.timbre.http.Json;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A tool's {@code assignments} ({@code DynamicVariableAssignment}: {@code dynamic_variable}, {@code value_path},
 * {@code source: "response"}): after a successful call, values taken from the JSON response by dot path
 * ({@code user.name}, {@code data.0.id}) become dynamic variables. A path that does not resolve, or a response that is
 * not JSON, assigns nothing. A path may start with {@code response.} (the guide's spelling of the response root) when
 * the response has no {@code response} field. Strings, numbers and booleans are kept as they are; objects and arrays
 * as their JSON text; null assigns nothing. Bounded: at most {@value #MAX_ASSIGNMENTS} assignments per tool, values
 * of at most {@value #MAX_VALUE_CHARS} characters (longer ones are left out). Stateless.
 */
public final class ResponseAssignments {
    static final int MAX_ASSIGNMENTS = 50;
    static final int MAX_VALUE_CHARS = 4096;

    private ResponseAssignments() {}

    /** Checks {@code tool_config.assignments} (a 422 naming the field); {@code loc} is where the config sits. */
    static void check(JsonNode assignments, Object... loc) {
        if (assignments == null || assignments.isNull()) return;
        if (!assignments.isArray()) throw ApiException.invalid("Input should be a valid list", "list_type", at(loc, "assignments"));
        if (assignments.size() > MAX_ASSIGNMENTS) {
            throw ApiException.invalid("List should have at most " + MAX_ASSIGNMENTS + " items after validation", "too_long", at(loc, "assignments"));
        }
        for (int i = 0; i < assignments.size(); i++) {
            JsonNode a = assignments.get(i);
            if (!a.isObject()) throw ApiException.invalid("Input should be a valid dictionary or object", "model_attributes_type", at(loc, "assignments", i));
            for (String field : new String[] {"dynamic_variable", "value_path"}) {
                JsonNode v = a.get(field);
                if (v == null || v.isNull()) throw ApiException.invalid("Field required", "missing", at(loc, "assignments", i, field));
                if (!v.isTextual() || v.asText().isBlank()) throw ApiException.invalid("Input should be a valid string", "string_type", at(loc, "assignments", i, field));
            }
            if (a.get("dynamic_variable").asText().startsWith("system__")) {
                throw ApiException.invalid("Value error, dynamic variables cannot use the reserved prefix 'system__'", "value_error",
                        at(loc, "assignments", i, "dynamic_variable"));
            }
            JsonNode source = a.get("source");
            if (source != null && !source.isNull() && !"response".equals(source.asText())) {
                throw ApiException.invalid("Input should be 'response'", "literal_error", at(loc, "assignments", i, "source"));
            }
        }
    }

    /** The variables {@code assignments} take from {@code responseBody}; empty when none resolve. */
    public static Map<String, Object> extract(JsonNode assignments, String responseBody) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (assignments == null || !assignments.isArray() || assignments.isEmpty() || responseBody == null) return out;
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(responseBody);
        } catch (IOException e) {
            return out;
        }
        if (root == null) return out;
        int n = 0;
        for (JsonNode a : assignments) {
            if (n++ >= MAX_ASSIGNMENTS) break;
            String name = a.path("dynamic_variable").asText("");
            String path = a.path("value_path").asText("");
            String source = a.path("source").asText("response");
            if (name.isBlank() || name.startsWith("system__") || path.isBlank() || !source.equals("response")) continue;
            JsonNode v = resolve(root, path);
            Object value = value(v);
            if (value != null) out.put(name, value);
        }
        return out;
    }

    static JsonNode resolve(JsonNode root, String path) {
        JsonNode v = walk(root, path);
        if (v == null && path.startsWith("response.") && !root.has("response")) v = walk(root, path.substring("response.".length()));
        return v;
    }

    private static JsonNode walk(JsonNode node, String path) {
        JsonNode at = node;
        for (String part : path.split("\\.", -1)) {
            if (at == null) return null;
            if (at.isArray()) at = part.matches("\\d{1,9}") ? at.get(Integer.parseInt(part)) : null;
            else if (at.isObject()) at = at.get(part);
            else return null;
        }
        return at;
    }

    private static Object value(JsonNode v) {
        if (v == null || v.isNull() || v.isMissingNode()) return null;
        Object value;
        if (v.isBoolean()) value = v.asBoolean();
        else if (v.isIntegralNumber() && v.canConvertToLong()) value = v.asLong();
        else if (v.isNumber()) value = v.asDouble();
        else if (v.isTextual()) value = v.asText();
        else value = v.toString();
        return value instanceof String s && s.length() > MAX_VALUE_CHARS ? null : value;
    }

    private static Object[] at(Object[] loc, Object... more) {
        Object[] all = java.util.Arrays.copyOf(loc, loc.length + more.length);
        System.arraycopy(more, 0, all, loc.length, more.length);
        return all;
    }
}
