package dev.timbre.agent.workflow;

/**
 * An agent's workflow graph as the runtime runs it (built by the server from the agent's {@code workflow}).
 * Placeholder: the workflow work defines the nodes and edges.
 */
public record Workflow() {
}
