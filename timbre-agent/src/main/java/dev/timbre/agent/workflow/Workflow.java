package dev.timbre.agent.workflow;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An agent's workflow graph as the runtime runs it (built by the server from the agent's stored {@code workflow}).
 * Immutable. Iteration order of nodes and edges is the order they were given in.
 *
 * @param nodes by node id
 * @param edges by edge id; each edge's source and target are ids in {@code nodes}
 */
public record Workflow(Map<String, WorkflowNode> nodes, Map<String, WorkflowEdge> edges) {
    public Workflow {
        nodes = nodes == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(nodes));
        edges = edges == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(edges));
    }

    /** A way out of a node: a forward edge from it, or a backward edge into it (which leads back to its source). */
    public record Transition(String edgeId, Condition condition, String target) {
        public Transition {
            Objects.requireNonNull(edgeId, "edgeId");
            Objects.requireNonNull(condition, "condition");
            Objects.requireNonNull(target, "target");
        }
    }

    /** True when the graph has no nodes (the agent runs without a workflow). */
    public boolean isEmpty() { return nodes.isEmpty(); }

    /** The id of the start node, or null when there is none. */
    public String startNodeId() {
        for (Map.Entry<String, WorkflowNode> e : nodes.entrySet()) {
            if (e.getValue() instanceof WorkflowNode.Start) return e.getKey();
        }
        return null;
    }

    /**
     * The ways out of {@code nodeId}, in edge order: forward edges whose source it is (with a forward condition; none
     * means unconditional), then backward edges whose target it is (only those with a backward condition).
     */
    public List<Transition> transitionsFrom(String nodeId) {
        List<Transition> out = new ArrayList<>();
        for (Map.Entry<String, WorkflowEdge> e : edges.entrySet()) {
            WorkflowEdge edge = e.getValue();
            if (edge.source().equals(nodeId)) {
                Condition c = edge.forward() == null ? new Condition.Unconditional(null) : edge.forward();
                out.add(new Transition(e.getKey(), c, edge.target()));
            }
        }
        for (Map.Entry<String, WorkflowEdge> e : edges.entrySet()) {
            WorkflowEdge edge = e.getValue();
            if (edge.target().equals(nodeId) && edge.backward() != null) {
                out.add(new Transition(e.getKey(), edge.backward(), edge.source()));
            }
        }
        return out;
    }
}
