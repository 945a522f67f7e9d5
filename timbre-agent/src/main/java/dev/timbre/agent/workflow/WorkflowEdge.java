package dev.timbre.agent.workflow;

import java.util.Objects;

/**
 * An edge of a workflow: the seed's {@code WorkflowEdgeModel}.
 *
 * @param forward when the conversation moves from source to target; null: unconditionally
 * @param backward when it moves back from target to source; null: never
 */
public record WorkflowEdge(String source, String target, Condition forward, Condition backward) {
    public WorkflowEdge {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(target, "target");
    }
}
