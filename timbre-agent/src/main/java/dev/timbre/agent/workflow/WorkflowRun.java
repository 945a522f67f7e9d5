package dev.timbre.agent.workflow;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where one conversation is in its agent's workflow: a cursor on a node, moved along edges. Holds no session state
 * beyond the cursor; the session decides when to ask. Not thread-safe (the session's loop thread only).
 *
 * <p>Order of evaluation when leaving a node without the LLM ({@link #automatic}): the node's transitions are tried
 * class by class — unconditional, then expression, then result (only right after a tool node ran) — each class in
 * edge order; the first that holds is taken. LLM conditions are not judged here: {@link #llmTransitions} lists them
 * for the session to offer the LLM as tools, and {@link #take} moves along the one it called.
 */
public final class WorkflowRun {
    private final Workflow workflow;
    private String current;

    /** A run at {@code workflow}'s start node. */
    public WorkflowRun(Workflow workflow) {
        this.workflow = workflow;
        this.current = workflow.startNodeId();
        if (current == null) throw new IllegalArgumentException("the workflow has no start node");
    }

    public Workflow workflow() { return workflow; }

    public String currentId() { return current; }

    public WorkflowNode current() { return workflow.nodes().get(current); }

    /**
     * The first transition out of the current node whose condition holds without the LLM, or empty.
     *
     * @param variables the conversation's dynamic variables (for expressions)
     * @param toolsSucceeded after a tool node ran: whether all its tools succeeded; null otherwise (result edges are
     *        then not taken)
     */
    public Optional<Workflow.Transition> automatic(Map<String, Object> variables, Boolean toolsSucceeded) {
        List<Workflow.Transition> out = workflow.transitionsFrom(current);
        for (Workflow.Transition t : out) {
            if (t.condition() instanceof Condition.Unconditional) return Optional.of(t);
        }
        for (Workflow.Transition t : out) {
            if (t.condition() instanceof Condition.Expr e && e.expression().test(variables)) return Optional.of(t);
        }
        if (toolsSucceeded != null) {
            for (Workflow.Transition t : out) {
                if (t.condition() instanceof Condition.Result r && r.successful() == toolsSucceeded) return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /** The current node's transitions with an LLM condition, in edge order. */
    public List<Workflow.Transition> llmTransitions() {
        return workflow.transitionsFrom(current).stream().filter(t -> t.condition() instanceof Condition.Llm).toList();
    }

    /** The current node's LLM transition along edge {@code edgeId} (forward or backward), or empty. */
    public Optional<Workflow.Transition> llmTransition(String edgeId) {
        return llmTransitions().stream().filter(t -> t.edgeId().equals(edgeId)).findFirst();
    }

    /** Moves along {@code t} (a transition out of the current node); returns the node entered. */
    public WorkflowNode take(Workflow.Transition t) {
        if (!workflow.nodes().containsKey(t.target())) throw new IllegalArgumentException("no node " + t.target());
        current = t.target();
        return current();
    }
}
