package dev.timbre.convai.agenttesting.runner;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.timbre.agent.transcript.TranscriptEntry;
import dev.timbre.convai.postcall.LenientJson;
import dev.timbre.convai.postcall.ModelQuery;
import dev.timbre.engine.EngineException;
import dev.timbre.engine.LanguageModel;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An AI judge: asks a language model (the agent's own) for a JSON verdict {@code {"result","rationale"}} and reads
 * it leniently. Empty when the model fails, times out or answers without a usable verdict (the caller falls back to
 * the rules). Thread-safe; blocks the caller for at most {@code timeout} per question.
 */
final class LlmJudge {
    private static final Logger log = LoggerFactory.getLogger(LlmJudge.class);
    /** Conversation characters sent per question. */
    static final int MAX_CHARS = 16_000;
    static final String RESPONSE_SYSTEM = "You evaluate an AI agent's reply in a test. Decide whether the agent's response meets the"
            + " success condition, using the examples as guidance. Answer with JSON only: {\"result\": \"success\" or \"failure\","
            + " \"rationale\": \"one or two sentences\"}.";
    static final String PARAMETER_SYSTEM = "You evaluate one parameter of a tool call an AI agent made in a test. Decide whether the"
            + " value meets the description. Answer with JSON only: {\"result\": \"success\" or \"failure\", \"rationale\": \"one sentence\"}.";

    /** An AI verdict: {@code success} or {@code failure} with the model's rationale. */
    record Answer(boolean success, String rationale) {}

    private final LanguageModel model;
    private final Duration timeout;

    LlmJudge(LanguageModel model, Duration timeout) {
        this.model = model;
        this.timeout = timeout;
    }

    Optional<Answer> response(TestCase test, String response) {
        StringBuilder b = new StringBuilder("Conversation so far:\n").append(conversation(test.chatHistory()))
                .append("\nAgent's response:\n").append(cut(response)).append("\n\nSuccess condition:\n").append(test.successCondition());
        test.successExamples().forEach(e -> b.append("\nExample of a successful response: ").append(e));
        test.failureExamples().forEach(e -> b.append("\nExample of a failed response: ").append(e));
        return ask(RESPONSE_SYSTEM, b.toString());
    }

    Optional<Answer> parameter(String path, String value, String description, TestCase test) {
        return ask(PARAMETER_SYSTEM, "Conversation so far:\n" + conversation(test.chatHistory()) + "\nParameter: " + path
                + "\nValue: " + cut(value) + "\nDescription of a correct value: " + description);
    }

    private Optional<Answer> ask(String system, String user) {
        try {
            Optional<ObjectNode> o = LenientJson.object(ModelQuery.ask(model, system, cut(user), timeout));
            String result = o.map(n -> n.path("result").asText("").strip().toLowerCase(Locale.ROOT)).orElse("");
            if (!result.equals("success") && !result.equals("failure")) {
                log.info("the judge's answer held no success/failure verdict; using the rules");
                return Optional.empty();
            }
            String rationale = o.get().path("rationale").asText("").strip();
            return Optional.of(new Answer(result.equals("success"), rationale.isEmpty() ? "No rationale given." : rationale));
        } catch (EngineException e) {
            log.warn("the judge's language model failed: {}", e.getMessage());
            return Optional.empty();
        }
    }

    private static String conversation(List<TranscriptEntry> history) {
        StringBuilder b = new StringBuilder();
        for (TranscriptEntry e : history) {
            if (e.message() != null && !e.message().isBlank()) b.append(e.role().equals("user") ? "User: " : "Agent: ").append(e.message().strip()).append('\n');
        }
        return cut(b.toString());
    }

    private static String cut(String s) {
        return s.length() > MAX_CHARS ? s.substring(s.length() - MAX_CHARS) : s;
    }
}
