package dev.timbre.convai.agenttesting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.timbre.agent.transcript.ToolCallEntry;
import dev.timbre.agent.transcript.ToolResultEntry;
import dev.timbre.agent.transcript.TranscriptEntry;
import dev.timbre.convai.agenttesting.runner.TestCase;
import dev.timbre.convai.agenttesting.runner.ToolCheck;
import dev.timbre.convai.tools.StoredTool;
import dev.timbre.http.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Turns a stored test definition (checked by {@link UnitTestChecks}) into the runner's {@link TestCase}. A referenced
 * tool is named by its workspace tool's name when {@code referenced_tool.id} is a tool id; otherwise the id is the name
 * (system tools such as {@code end_call}, and the agent's inline tools). Stateless.
 */
final class TestCases {
    private TestCases() {}

    static TestCase of(ObjectNode d, Function<String, Optional<StoredTool>> tools) {
        List<TranscriptEntry> history = new ArrayList<>();
        for (JsonNode e : d.path("chat_history")) history.add(entry(e));
        ToolCheck check = null;
        JsonNode t = d.get("tool_call_parameters");
        if (t != null && t.isObject()) {
            String id = t.path("referenced_tool").path("id").asText();
            String name = t.path("referenced_tool").path("type").asText().equals("system") ? id : tools.apply(id).map(StoredTool::name).orElse(id);
            List<ToolCheck.ParameterCheck> params = new ArrayList<>();
            for (JsonNode p : t.path("parameters")) {
                JsonNode eval = p.path("eval");
                String kind = eval.path("type").asText();
                String expected = switch (kind) {
                    case "exact" -> eval.path("expected_value").asText();
                    case "regex" -> eval.path("pattern").asText();
                    default -> eval.path("description").asText();
                };
                params.add(new ToolCheck.ParameterCheck(p.path("path").asText(), kind, expected));
            }
            check = new ToolCheck(name, params);
        }
        Map<String, Object> vars = new LinkedHashMap<>();
        d.path("dynamic_variables").fields().forEachRemaining(e -> {
            JsonNode x = e.getValue();
            vars.put(e.getKey(), x.isNull() ? null : x.isTextual() ? x.asText() : x.isBoolean() ? (Object) x.asBoolean()
                    : x.isIntegralNumber() ? (Object) x.asLong() : (Object) x.asDouble());
        });
        return new TestCase(history, d.path("success_condition").asText(""), examples(d.path("success_examples")),
                examples(d.path("failure_examples")), check, vars);
    }

    private static List<String> examples(JsonNode list) {
        List<String> out = new ArrayList<>();
        list.forEach(e -> out.add(e.path("response").asText("")));
        return out;
    }

    private static TranscriptEntry entry(JsonNode e) {
        String role = e.path("role").asText();
        String message = e.path("message").isTextual() ? e.get("message").asText() : null;
        List<ToolCallEntry> calls = new ArrayList<>();
        for (JsonNode c : e.path("tool_calls")) {
            calls.add(new ToolCallEntry(c.path("type").asText(null), c.path("request_id").asText(), c.path("tool_name").asText(),
                    c.path("params_as_json").asText("{}"), c.path("tool_has_been_called").asBoolean(true), null));
        }
        List<ToolResultEntry> results = new ArrayList<>();
        for (JsonNode r : e.path("tool_results")) {
            try {
                if (r.isObject()) results.add(Json.MAPPER.convertValue(r, ToolResultEntry.class));
            } catch (IllegalArgumentException incomplete) {
                // a result without request_id or tool_name says nothing the agent can use
            }
        }
        return new TranscriptEntry(role, message, e.path("time_in_call_secs").asInt(0), calls, results, null, false, null,
                role.equals("user") ? "text" : null);
    }
}
