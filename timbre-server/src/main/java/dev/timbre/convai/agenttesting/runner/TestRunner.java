package dev.timbre.convai.agenttesting.runner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.timbre.agent.transcript.TranscriptEntry;
import dev.timbre.convai.agents.AgentsService;
import dev.timbre.convai.agents.JsonMerge;
import dev.timbre.convai.simulation.SimulationService;
import dev.timbre.engine.EngineException;
import dev.timbre.engine.LanguageModel;
import dev.timbre.engine.rules.RuleLanguageModel;
import dev.timbre.http.ApiException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Runs one agent test: the agent answers the test's chat history for one turn (the simulation's text session, tools
 * mocked), then a judge decides. Response tests: the AI judge ({@link LlmJudge}, the agent's own model) when the agent's
 * model is an AI, falling back to {@link ResponseRules}; with the built-in rule model, the rules alone. Tool tests:
 * {@link ToolCallRules}. Never throws for a failing agent: that is a failed verdict saying why. Thread-safe; blocks the
 * caller for the agent's turn (at most {@code turnLimit} + 10 s) and the judge's questions.
 */
public final class TestRunner {
    /** The agent's one turn: its new messages and the model that wrote them. */
    public interface AgentReplies {
        SimulationService.Turn reply(String agentId, JsonNode override, List<TranscriptEntry> history, Map<String, Object> variables)
                throws InterruptedException;
    }

    /** What a run produced: the agent's messages (empty when it could not answer) and the verdict. */
    public record Outcome(List<TranscriptEntry> agentResponses, Verdict verdict) {}

    private final AgentReplies replies;
    private final Duration judgeTimeout;

    public TestRunner(AgentReplies replies, Duration judgeTimeout) {
        this.replies = replies;
        this.judgeTimeout = judgeTimeout;
    }

    /** Replies from the agent's stored config, with the run's {@code agent_config_override} merged over it. */
    public static AgentReplies replies(AgentsService agents, SimulationService simulation, Duration turnLimit) {
        return (agentId, override, history, variables) -> {
            ObjectNode view = agents.get(agentId);
            return simulation.agentTurn(agentId, override == null || override.isNull() ? view : JsonMerge.merged(view, override),
                    history, variables, turnLimit);
        };
    }

    public Outcome run(TestCase test, String agentId, JsonNode override) throws InterruptedException {
        List<TranscriptEntry> history = test.chatHistory();
        TranscriptEntry last = history.isEmpty() ? null : history.get(history.size() - 1);
        if (last == null || !last.role().equals("user") || last.message() == null || last.message().isBlank()) {
            return failed("The test's chat_history must end with a user message for the agent to answer.");
        }
        SimulationService.Turn turn;
        try {
            turn = replies.reply(agentId, override, history, test.dynamicVariables());
        } catch (ApiException e) {
            return failed("The agent could not run: " + e.getMessage());
        } catch (EngineException e) {
            return failed("The agent's language model failed: " + e.getMessage());
        }
        LanguageModel model = turn.model();
        boolean ai = model != null && !RuleLanguageModel.PROVIDER.equals(model.info().provider());
        LlmJudge judge = ai ? new LlmJudge(model, judgeTimeout) : null;
        if (test.toolCheck() != null) return new Outcome(turn.entries(), ToolCallRules.judge(test, turn.entries(), judge));
        String response = String.join(" ", turn.entries().stream().filter(e -> e.role().equals("agent"))
                .map(TranscriptEntry::message).filter(Objects::nonNull).map(String::strip).filter(s -> !s.isEmpty()).toList());
        Optional<LlmJudge.Answer> answer = judge == null || response.isBlank() ? Optional.empty() : judge.response(test, response);
        if (answer.isPresent()) {
            Verdict v = new Verdict(answer.get().success() ? "success" : "failure", List.of(answer.get().rationale()),
                    "Judged by the agent's language model (" + model.info().provider() + ").");
            return new Outcome(turn.entries(), v);
        }
        Verdict rules = ResponseRules.judge(test, response);
        if (judge != null && !response.isBlank()) {
            List<String> m = new java.util.ArrayList<>(rules.messages());
            m.add(0, "The AI judge gave no usable verdict; the rules decided.");
            rules = new Verdict(rules.result(), m, rules.summary());
        }
        return new Outcome(turn.entries(), rules);
    }

    private static Outcome failed(String why) {
        return new Outcome(List.of(), Verdict.failure(List.of(why), why));
    }
}
