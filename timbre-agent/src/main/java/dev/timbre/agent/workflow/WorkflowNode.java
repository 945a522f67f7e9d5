package dev.timbre.agent.workflow;

import dev.timbre.agent.tools.AgentTool;
import java.util.List;
import java.util.Map;

/** A node of a workflow: the seed's {@code AgentWorkflowRequestModelNodes} variants. */
public sealed interface WorkflowNode {
    /** Where the conversation starts ({@code start}); exactly one per workflow. */
    record Start() implements WorkflowNode {}

    /** Entering it ends the call ({@code end}). */
    record End() implements WorkflowNode {}

    /** A subagent ({@code override_agent}): the base agent with {@code override} applied while here. */
    record Subagent(String label, NodeOverride override) implements WorkflowNode {
        public Subagent {
            label = label == null ? "" : label;
            override = override == null ? NodeOverride.NONE : override;
        }
    }

    /** A dispatch tool node ({@code tool}): runs {@code tools} in order, then leaves by their result. */
    record Tools(List<AgentTool> tools) implements WorkflowNode {
        public Tools { tools = tools == null ? List.of() : List.copyOf(tools); }
    }

    /** Agent transfer ({@code standalone_agent}): hands the conversation to agent {@code agentId}. */
    record AgentTransfer(String agentId, long delayMs, String transferMessage, boolean transferredAgentFirstMessage)
            implements WorkflowNode {}

    /**
     * Phone transfer ({@code phone_number}): what {@code transfer_to_number} does.
     *
     * @param destination the seed's {@code transfer_destination} as JSON-like values
     * @param transferType {@code conference} or {@code sip_refer}; may be null
     */
    record PhoneTransfer(Map<String, Object> destination, String transferType) implements WorkflowNode {
        public PhoneTransfer { destination = destination == null ? Map.of() : Map.copyOf(destination); }
    }
}
