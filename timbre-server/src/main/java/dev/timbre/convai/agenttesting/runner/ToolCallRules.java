package dev.timbre.convai.agenttesting.runner;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timbre.agent.transcript.ToolCallEntry;
import dev.timbre.agent.transcript.TranscriptEntry;
import dev.timbre.http.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Judges a tool test: the agent's turn must call the referenced tool, and one such call must pass every parameter
 * check: {@code exact} (the value's text equals the expected text), {@code regex} (the pattern is found in the value's
 * text; anchor it with ^…$ for a whole match), {@code llm} (the AI judge decides; without one, a present non-empty
 * value passes and the rationale says it was not judged). A missing parameter fails its check. Stateless.
 */
final class ToolCallRules {
    private ToolCallRules() {}

    /** @param judge the AI judge for {@code llm} checks, or null when the agent's model is not an AI */
    static Verdict judge(TestCase test, List<TranscriptEntry> responses, LlmJudge judge) {
        ToolCheck check = test.toolCheck();
        List<ToolCallEntry> all = responses.stream().flatMap(e -> e.toolCalls().stream()).toList();
        List<ToolCallEntry> calls = all.stream().filter(c -> c.toolName().equals(check.toolName())).toList();
        if (calls.isEmpty()) {
            String made = all.isEmpty() ? "no tool" : String.join(", ", all.stream().map(ToolCallEntry::toolName).toList());
            return Verdict.failure(List.of("The agent did not call " + check.toolName() + " (it called " + made + ")."),
                    "Rule: the expected tool call is missing.");
        }
        List<String> messages = new ArrayList<>();
        for (ToolCallEntry call : calls) {
            List<String> m = new ArrayList<>();
            m.add("The agent called " + check.toolName() + " with " + call.paramsAsJson() + ".");
            boolean ok = true;
            JsonNode args = parse(call.paramsAsJson());
            for (ToolCheck.ParameterCheck p : check.parameters()) ok &= parameter(p, at(args, p.path()), test, judge, m);
            messages.addAll(m);
            if (ok) {
                return Verdict.success(messages, check.parameters().isEmpty() ? "Rule: the expected tool was called."
                        : "Rule: the expected tool was called and every parameter check passed" + (judge != null ? " (llm checks by the AI judge)." : "."));
            }
        }
        return Verdict.failure(messages, "Rule: no call of " + check.toolName() + " passed every parameter check.");
    }

    private static boolean parameter(ToolCheck.ParameterCheck p, Optional<JsonNode> value, TestCase test, LlmJudge judge, List<String> m) {
        if (value.isEmpty() || value.get().isNull()) {
            m.add("Parameter " + p.path() + " is missing.");
            return false;
        }
        String text = value.get().isValueNode() ? value.get().asText() : value.get().toString();
        switch (p.kind()) {
            case "exact" -> {
                boolean ok = text.equals(p.expected());
                m.add("Parameter " + p.path() + " = \"" + text + "\" " + (ok ? "equals" : "does not equal") + " \"" + p.expected() + "\" (exact).");
                return ok;
            }
            case "regex" -> {
                boolean ok;
                try {
                    ok = Pattern.compile(p.expected()).matcher(text.length() > 10_000 ? text.substring(0, 10_000) : text).find();
                } catch (PatternSyntaxException e) {
                    ok = false;
                }
                m.add("Parameter " + p.path() + " = \"" + text + "\" " + (ok ? "matches " : "does not match ") + p.expected() + " (regex).");
                return ok;
            }
            default -> {
                if (judge != null) {
                    Optional<LlmJudge.Answer> a = judge.parameter(p.path(), text, p.expected(), test);
                    if (a.isPresent()) {
                        m.add("Parameter " + p.path() + " (llm): " + (a.get().success() ? "passed" : "failed") + ": " + a.get().rationale());
                        return a.get().success();
                    }
                }
                boolean ok = !text.isBlank();
                m.add("Parameter " + p.path() + " (llm) was not judged by an AI model; it " + (ok ? "is present, which passes." : "is empty, which fails."));
                return ok;
            }
        }
    }

    /** The value at a dot-separated path (numbers index arrays). */
    static Optional<JsonNode> at(JsonNode root, String path) {
        JsonNode n = root;
        for (String key : path.split("\\.")) {
            if (n == null) return Optional.empty();
            n = n.isArray() && key.matches("\\d{1,6}") ? n.get(Integer.parseInt(key)) : n.get(key);
        }
        return Optional.ofNullable(n);
    }

    private static JsonNode parse(String json) {
        try {
            JsonNode n = Json.MAPPER.readTree(json);
            return n == null ? Json.MAPPER.createObjectNode() : n;
        } catch (java.io.IOException e) {
            return Json.MAPPER.createObjectNode();
        }
    }
}
