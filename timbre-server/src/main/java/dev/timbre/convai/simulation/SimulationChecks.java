package dev.timbre.convai.simulation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.timbre.agent.transcript.ToolCallEntry;
import dev.timbre.agent.transcript.ToolResultEntry;
import dev.timbre.agent.transcript.TranscriptEntry;
import dev.timbre.http.ApiException.Violation;
import dev.timbre.http.ApiException;
import dev.timbre.http.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Checks a simulate-conversation body and turns it into a {@link SimulationRequest}; every problem is one 422 entry. */
final class SimulationChecks {
    private SimulationChecks() {}

    static SimulationRequest request(ObjectNode body) {
        List<Violation> v = new ArrayList<>();
        JsonNode spec = body.get("simulation_specification");
        ObjectNode user = Json.MAPPER.createObjectNode();
        Map<String, SimulationRequest.ToolMock> mocks = new LinkedHashMap<>();
        List<TranscriptEntry> history = new ArrayList<>();
        Map<String, Object> vars = new LinkedHashMap<>();
        if (spec == null || spec.isNull()) {
            v.add(violation("Field required", "missing", "simulation_specification"));
        } else if (!spec.isObject()) {
            v.add(violation("Input should be a valid dictionary", "dict_type", "simulation_specification"));
        } else {
            JsonNode u = spec.get("simulated_user_config");
            if (u == null || u.isNull()) v.add(violation("Field required", "missing", "simulation_specification", "simulated_user_config"));
            else if (!u.isObject()) v.add(violation("Input should be a valid dictionary", "dict_type", "simulation_specification", "simulated_user_config"));
            else user = (ObjectNode) u;
            toolMocks(spec.get("tool_mock_config"), mocks, v);
            history(spec.get("partial_conversation_history"), history, v);
            variables(spec.get("dynamic_variables"), vars, v);
        }
        List<SimulationRequest.Criterion> criteria = criteria(body.get("extra_evaluation_criteria"), v);
        int limit = SimulationRequest.DEFAULT_TURNS_LIMIT;
        JsonNode l = body.get("new_turns_limit");
        if (l != null && !l.isNull()) {
            if (!l.canConvertToInt() || !l.isIntegralNumber()) v.add(violation("Input should be a valid integer", "int_type", "new_turns_limit"));
            else if (l.asInt() < 1) v.add(violation("Input should be greater than or equal to 1", "greater_than_equal", "new_turns_limit"));
            else limit = l.asInt();
        }
        if (!v.isEmpty()) throw ApiException.validation(v);
        return new SimulationRequest(user, mocks, history, vars, criteria, limit);
    }

    private static void toolMocks(JsonNode node, Map<String, SimulationRequest.ToolMock> out, List<Violation> v) {
        if (node == null || node.isNull()) return;
        if (!node.isObject()) {
            v.add(violation("Input should be a valid dictionary", "dict_type", "simulation_specification", "tool_mock_config"));
            return;
        }
        node.fields().forEachRemaining(e -> {
            JsonNode m = e.getValue();
            Object[] at = {"simulation_specification", "tool_mock_config", e.getKey()};
            if (!m.isObject()) {
                v.add(violation("Input should be a valid dictionary", "dict_type", at));
                return;
            }
            JsonNode value = m.get("default_return_value");
            JsonNode error = m.get("default_is_error");
            boolean ok = true;
            if (value != null && !value.isTextual()) {
                v.add(violation("Input should be a valid string", "string_type", append(at, "default_return_value")));
                ok = false;
            }
            if (error != null && !error.isBoolean()) {
                v.add(violation("Input should be a valid boolean", "bool_type", append(at, "default_is_error")));
                ok = false;
            }
            if (ok) {
                out.put(e.getKey(), new SimulationRequest.ToolMock(value == null ? SimulationRequest.ToolMock.DEFAULT.returnValue() : value.asText(),
                        error != null && error.asBoolean()));
            }
        });
    }

    private static void history(JsonNode node, List<TranscriptEntry> out, List<Violation> v) {
        if (node == null || node.isNull()) return;
        String[] at = {"simulation_specification", "partial_conversation_history"};
        if (!node.isArray()) {
            v.add(violation("Input should be a valid list", "list_type", (Object[]) at));
            return;
        }
        for (int i = 0; i < node.size(); i++) {
            JsonNode e = node.get(i);
            int before = v.size();
            if (!e.isObject()) {
                v.add(violation("Input should be a valid dictionary", "dict_type", at[0], at[1], i));
                continue;
            }
            String role = e.path("role").asText("");
            if (!e.has("role")) v.add(violation("Field required", "missing", at[0], at[1], i, "role"));
            else if (!role.equals("user") && !role.equals("agent")) v.add(violation("Input should be 'user' or 'agent'", "enum", at[0], at[1], i, "role"));
            JsonNode secs = e.get("time_in_call_secs");
            if (secs == null || secs.isNull()) v.add(violation("Field required", "missing", at[0], at[1], i, "time_in_call_secs"));
            else if (!secs.isIntegralNumber()) v.add(violation("Input should be a valid integer", "int_type", at[0], at[1], i, "time_in_call_secs"));
            JsonNode message = e.get("message");
            if (message != null && !message.isNull() && !message.isTextual()) {
                v.add(violation("Input should be a valid string", "string_type", at[0], at[1], i, "message"));
            }
            if (v.size() > before) continue;
            try {
                out.add(entry(e, role));
            } catch (IllegalArgumentException bad) {
                v.add(violation("Input should be a valid transcript entry", "model_type", at[0], at[1], i));
            }
        }
    }

    private static TranscriptEntry entry(JsonNode e, String role) {
        String message = e.path("message").isTextual() ? e.get("message").asText() : null;
        List<ToolCallEntry> calls = new ArrayList<>();
        for (JsonNode c : e.path("tool_calls")) calls.add(Json.MAPPER.convertValue(c, ToolCallEntry.class));
        List<ToolResultEntry> results = new ArrayList<>();
        for (JsonNode r : e.path("tool_results")) results.add(Json.MAPPER.convertValue(r, ToolResultEntry.class));
        String source = e.path("source_medium").isTextual() ? e.get("source_medium").asText() : (role.equals("user") ? "text" : null);
        return new TranscriptEntry(role, message, e.get("time_in_call_secs").asInt(), calls, results,
                e.path("feedback").isTextual() ? e.get("feedback").asText() : null, e.path("interrupted").asBoolean(false),
                e.path("original_message").isTextual() ? e.get("original_message").asText() : null, source);
    }

    private static void variables(JsonNode node, Map<String, Object> out, List<Violation> v) {
        if (node == null || node.isNull()) return;
        if (!node.isObject()) {
            v.add(violation("Input should be a valid dictionary", "dict_type", "simulation_specification", "dynamic_variables"));
            return;
        }
        node.fields().forEachRemaining(e -> {
            JsonNode x = e.getValue();
            if (x.isNull()) out.put(e.getKey(), null);
            else if (x.isTextual()) out.put(e.getKey(), x.asText());
            else if (x.isBoolean()) out.put(e.getKey(), x.asBoolean());
            else if (x.isIntegralNumber()) out.put(e.getKey(), x.asLong());
            else if (x.isNumber()) out.put(e.getKey(), x.asDouble());
            else v.add(violation("Input should be a valid string, number or boolean", "string_type",
                    "simulation_specification", "dynamic_variables", e.getKey()));
        });
    }

    private static List<SimulationRequest.Criterion> criteria(JsonNode node, List<Violation> v) {
        List<SimulationRequest.Criterion> out = new ArrayList<>();
        if (node == null || node.isNull()) return out;
        if (!node.isArray()) {
            v.add(violation("Input should be a valid list", "list_type", "extra_evaluation_criteria"));
            return out;
        }
        for (int i = 0; i < node.size(); i++) {
            JsonNode c = node.get(i);
            if (!c.isObject()) {
                v.add(violation("Input should be a valid dictionary", "dict_type", "extra_evaluation_criteria", i));
                continue;
            }
            int before = v.size();
            for (String f : List.of("id", "name", "conversation_goal_prompt")) {
                JsonNode x = c.get(f);
                if (x == null || x.isNull()) v.add(violation("Field required", "missing", "extra_evaluation_criteria", i, f));
                else if (!x.isTextual()) v.add(violation("Input should be a valid string", "string_type", "extra_evaluation_criteria", i, f));
            }
            if (c.path("conversation_goal_prompt").asText("").length() > 2000) {
                v.add(violation("String should have at most 2000 characters", "string_too_long", "extra_evaluation_criteria", i, "conversation_goal_prompt"));
            }
            JsonNode type = c.get("type");
            if (type != null && !type.isNull() && !"prompt".equals(type.asText())) {
                v.add(violation("Input should be 'prompt'", "literal_error", "extra_evaluation_criteria", i, "type"));
            }
            if (v.size() == before) out.add(new SimulationRequest.Criterion(c.get("id").asText(), c.get("name").asText(), c.get("conversation_goal_prompt").asText()));
        }
        return out;
    }

    private static Violation violation(String msg, String type, Object... loc) {
        return Violation.inBody(msg, type, loc);
    }

    private static Object[] append(Object[] at, Object last) {
        Object[] out = java.util.Arrays.copyOf(at, at.length + 1);
        out[at.length] = last;
        return out;
    }
}
