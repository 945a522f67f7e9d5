package dev.timbre.convai.simulation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.timbre.agent.session.AgentProfile;
import dev.timbre.agent.tools.AgentTool;
import dev.timbre.agent.tools.ToolKind;
import dev.timbre.convai.conversation.agent.AgentProfiles;
import java.time.Duration;
import java.util.List;

/**
 * Adapts an agent's {@link AgentProfile} (built by the conversation runtime's {@code AgentProfiles}: inline tools,
 * tool ids, built-in tools) to a simulation: every client tool waits for a result, which the tool mocks give.
 */
final class SimulatedAgentProfile {
    private SimulatedAgentProfile() {}

    /**
     * The profile as a simulation runs it: client tools wait for a (mocked) result; with a partial history the
     * first message is not said again and the history is given to the LLM after the system prompt.
     */
    static AgentProfile forSimulation(AgentProfile p, String historyText) {
        List<AgentTool> tools = p.tools().stream().map(t -> t.kind() == ToolKind.CLIENT && !t.expectsResponse()
                ? new AgentTool(t.spec(), t.kind(), t.systemType(), true, t.responseTimeout(), t.params(), t.config()) : t).toList();
        boolean resumed = !historyText.isEmpty();
        String prompt = resumed ? p.systemPrompt() + "\n\nThe conversation so far:\n" + historyText : p.systemPrompt();
        return new AgentProfile(p.agentId(), p.name(), prompt, resumed ? "" : p.firstMessage(), p.language(), p.languages(),
                tools, p.temperature(), p.maxTokens(), p.model());
    }

    /** The agent's conversation time limit ({@code conversation.max_duration_seconds}), 600 s by default. */
    static Duration maxDuration(ObjectNode view) {
        int secs = view.path("conversation_config").path("conversation").path("max_duration_seconds").asInt(600);
        return Duration.ofSeconds(secs > 0 ? secs : 600);
    }
}
