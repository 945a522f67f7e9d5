package dev.timbre.convai.agenttesting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.timbre.http.ApiException;
import dev.timbre.http.ApiException.Violation;
import dev.timbre.http.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Checks a create/update test body ({@code CreateUnitTestRequest}/{@code UpdateUnitTestRequest}) and returns the
 * definition to store: the body's fields with defaults ({@code []}, {@code {}}, null) and {@code type} filled in. The
 * SDKs' {@code type} ({@code llm} or {@code tool}) is accepted; a {@code tool} test needs {@code tool_call_parameters}
 * and may leave out the response fields. Every problem is one 422 entry.
 */
final class UnitTestChecks {
    static final Set<String> TOOL_TYPES = Set.of("system", "webhook", "client", "mcp", "workflow");
    static final int MAX_HISTORY = 50;
    static final int MAX_EXAMPLES = 5;

    private UnitTestChecks() {}

    static ObjectNode definition(ObjectNode body) {
        List<Violation> v = new ArrayList<>();
        String type = null;
        JsonNode t = body.get("type");
        if (t != null && !t.isNull()) {
            if (!t.isTextual() || !(t.asText().equals("llm") || t.asText().equals("tool"))) v.add(at("Input should be 'llm' or 'tool'", "literal_error", "type"));
            else type = t.asText();
        }
        boolean toolOnly = "tool".equals(type);
        ObjectNode out = Json.MAPPER.createObjectNode();
        string(body, "name", true, v, out);
        history(body.get("chat_history"), v, out);
        string(body, "success_condition", !toolOnly, v, out);
        examples(body, "success_examples", "success", !toolOnly, v, out);
        examples(body, "failure_examples", "failure", !toolOnly, v, out);
        JsonNode tool = body.get("tool_call_parameters");
        if (tool == null || tool.isNull()) {
            if (toolOnly) v.add(at("Field required", "missing", "tool_call_parameters"));
            out.putNull("tool_call_parameters");
        } else {
            toolCall(tool, v);
            out.set("tool_call_parameters", tool);
        }
        variables(body.get("dynamic_variables"), v, out);
        if (!v.isEmpty()) throw ApiException.validation(v);
        out.put("type", type != null ? type : tool != null && !tool.isNull() ? "tool" : "llm");
        return out;
    }

    private static void string(ObjectNode body, String field, boolean required, List<Violation> v, ObjectNode out) {
        JsonNode n = body.get(field);
        if (n == null || n.isNull()) {
            if (required) v.add(at("Field required", "missing", field));
            out.put(field, "");
        } else if (!n.isTextual()) {
            v.add(at("Input should be a valid string", "string_type", field));
        } else {
            out.put(field, n.asText());
        }
    }

    private static void history(JsonNode node, List<Violation> v, ObjectNode out) {
        if (node == null || node.isNull()) {
            v.add(at("Field required", "missing", "chat_history"));
            return;
        }
        if (!node.isArray()) {
            v.add(at("Input should be a valid list", "list_type", "chat_history"));
            return;
        }
        if (node.isEmpty()) v.add(at("List should have at least 1 item after validation, not 0", "too_short", "chat_history"));
        if (node.size() > MAX_HISTORY) v.add(at("List should have at most 50 items after validation, not " + node.size(), "too_long", "chat_history"));
        for (int i = 0; i < node.size() && i < MAX_HISTORY; i++) {
            JsonNode e = node.get(i);
            if (!e.isObject()) {
                v.add(at("Input should be a valid dictionary", "dict_type", "chat_history", i));
                continue;
            }
            String role = e.path("role").asText("");
            if (!e.has("role")) v.add(at("Field required", "missing", "chat_history", i, "role"));
            else if (!role.equals("user") && !role.equals("agent")) v.add(at("Input should be 'user' or 'agent'", "enum", "chat_history", i, "role"));
            JsonNode secs = e.get("time_in_call_secs");
            if (secs == null || secs.isNull()) v.add(at("Field required", "missing", "chat_history", i, "time_in_call_secs"));
            else if (!secs.isIntegralNumber()) v.add(at("Input should be a valid integer", "int_type", "chat_history", i, "time_in_call_secs"));
            JsonNode message = e.get("message");
            if (message != null && !message.isNull() && !message.isTextual()) v.add(at("Input should be a valid string", "string_type", "chat_history", i, "message"));
            JsonNode calls = e.get("tool_calls");
            if (calls != null && !calls.isNull()) {
                if (!calls.isArray()) v.add(at("Input should be a valid list", "list_type", "chat_history", i, "tool_calls"));
                else for (int c = 0; c < calls.size(); c++) {
                    for (String f : List.of("request_id", "tool_name", "params_as_json")) {
                        if (!calls.get(c).path(f).isTextual()) v.add(at("Field required", "missing", "chat_history", i, "tool_calls", c, f));
                    }
                }
            }
            JsonNode results = e.get("tool_results");
            if (results != null && !results.isNull() && !results.isArray()) v.add(at("Input should be a valid list", "list_type", "chat_history", i, "tool_results"));
        }
        out.set("chat_history", node);
    }

    private static void examples(ObjectNode body, String field, String kind, boolean required, List<Violation> v, ObjectNode out) {
        JsonNode n = body.get(field);
        ArrayNode list = out.putArray(field);
        if (n == null || n.isNull()) {
            if (required) v.add(at("Field required", "missing", field));
            return;
        }
        if (!n.isArray()) {
            v.add(at("Input should be a valid list", "list_type", field));
            return;
        }
        if (n.size() > MAX_EXAMPLES) v.add(at("List should have at most 5 items after validation, not " + n.size(), "too_long", field));
        for (int i = 0; i < n.size(); i++) {
            JsonNode e = n.get(i);
            if (!e.isObject()) {
                v.add(at("Input should be a valid dictionary", "dict_type", field, i));
                continue;
            }
            if (!e.path("response").isTextual()) v.add(at("Field required", "missing", field, i, "response"));
            if (!e.has("type")) v.add(at("Field required", "missing", field, i, "type"));
            else if (!kind.equals(e.path("type").asText(null))) v.add(at("Input should be '" + kind + "'", "literal_error", field, i, "type"));
            list.add(e);
        }
    }

    private static void toolCall(JsonNode tool, List<Violation> v) {
        if (!tool.isObject()) {
            v.add(at("Input should be a valid dictionary", "dict_type", "tool_call_parameters"));
            return;
        }
        JsonNode ref = tool.get("referenced_tool");
        if (ref == null || ref.isNull()) v.add(at("Field required", "missing", "tool_call_parameters", "referenced_tool"));
        else if (!ref.isObject()) v.add(at("Input should be a valid dictionary", "dict_type", "tool_call_parameters", "referenced_tool"));
        else {
            if (!ref.path("id").isTextual() || ref.path("id").asText().isBlank()) v.add(at("Field required", "missing", "tool_call_parameters", "referenced_tool", "id"));
            if (!TOOL_TYPES.contains(ref.path("type").asText(""))) {
                v.add(at("Input should be 'system', 'webhook', 'client', 'mcp' or 'workflow'", "enum", "tool_call_parameters", "referenced_tool", "type"));
            }
        }
        JsonNode params = tool.get("parameters");
        if (params == null || params.isNull()) return;
        if (!params.isArray()) {
            v.add(at("Input should be a valid list", "list_type", "tool_call_parameters", "parameters"));
            return;
        }
        for (int i = 0; i < params.size(); i++) parameter(params.get(i), i, v);
    }

    private static void parameter(JsonNode p, int i, List<Violation> v) {
        Object[] base = {"tool_call_parameters", "parameters", i};
        if (!p.isObject()) {
            v.add(at("Input should be a valid dictionary", "dict_type", base));
            return;
        }
        if (!p.path("path").isTextual() || p.path("path").asText().isBlank()) v.add(at("Field required", "missing", append(base, "path")));
        JsonNode eval = p.get("eval");
        if (eval == null || !eval.isObject()) {
            v.add(at("Field required", "missing", append(base, "eval")));
            return;
        }
        String kind = eval.path("type").asText("");
        String field = switch (kind) {
            case "exact" -> "expected_value";
            case "regex" -> "pattern";
            case "llm" -> "description";
            default -> null;
        };
        if (field == null) {
            v.add(at("Input tag '" + kind + "' found using 'type' does not match any of the expected tags: 'llm', 'regex', 'exact'",
                    "union_tag_invalid", append(base, "eval")));
        } else if (!eval.path(field).isTextual()) {
            v.add(at("Field required", "missing", append(append(base, "eval"), field)));
        } else if (kind.equals("regex")) {
            try {
                Pattern.compile(eval.get(field).asText());
            } catch (PatternSyntaxException e) {
                v.add(at("Invalid regular expression: " + e.getDescription(), "value_error", append(append(base, "eval"), field)));
            }
        }
    }

    private static void variables(JsonNode node, List<Violation> v, ObjectNode out) {
        ObjectNode vars = out.putObject("dynamic_variables");
        if (node == null || node.isNull()) return;
        if (!node.isObject()) {
            v.add(at("Input should be a valid dictionary", "dict_type", "dynamic_variables"));
            return;
        }
        node.fields().forEachRemaining(e -> {
            if (e.getValue().isValueNode()) vars.set(e.getKey(), e.getValue());
            else v.add(at("Input should be a valid string, number or boolean", "string_type", "dynamic_variables", e.getKey()));
        });
    }

    private static Object[] append(Object[] a, Object last) {
        Object[] out = java.util.Arrays.copyOf(a, a.length + 1);
        out[a.length] = last;
        return out;
    }

    static Violation at(String msg, String type, Object... loc) {
        List<Object> l = new ArrayList<>();
        l.add("body");
        l.addAll(List.of(loc));
        return new Violation(l, msg, type);
    }
}
