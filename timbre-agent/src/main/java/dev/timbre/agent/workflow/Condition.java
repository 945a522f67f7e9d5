package dev.timbre.agent.workflow;

import java.util.Map;

/** When an edge is taken: the seed's {@code Workflow…ConditionModel} variants. */
public sealed interface Condition {
    /** The edge's label for people, or null. */
    String label();

    /** Always taken, right after the node's turn ({@code unconditional}). */
    record Unconditional(String label) implements Condition {}

    /** Taken when the LLM judges {@code condition} true: it is offered to the LLM as a tool to call ({@code llm}). */
    record Llm(String label, String condition) implements Condition {}

    /** Leaving a tool node: taken when the node's tools all succeeded ({@code successful}) or not ({@code result}). */
    record Result(String label, boolean successful) implements Condition {}

    /** Taken when {@code expression} is true over the dynamic variables ({@code expression}). */
    record Expr(String label, Expression expression) implements Condition {}

    /**
     * Parses a condition from JSON-like values (maps, lists, strings, numbers, booleans).
     *
     * @throws IllegalArgumentException with a message for people when it is not a valid condition
     */
    static Condition parse(Object json) {
        if (!(json instanceof Map<?, ?> m)) throw new IllegalArgumentException("a condition must be an object");
        String label = m.get("label") instanceof String s ? s : null;
        Object type = m.get("type");
        if (type == null) type = "unconditional";
        return switch (type.toString()) {
            case "unconditional" -> new Unconditional(label);
            case "llm" -> {
                if (!(m.get("condition") instanceof String c) || c.isBlank()) {
                    throw new IllegalArgumentException("an llm condition needs a non-empty 'condition'");
                }
                yield new Llm(label, c);
            }
            case "result" -> {
                if (!(m.get("successful") instanceof Boolean b)) {
                    throw new IllegalArgumentException("a result condition needs a boolean 'successful'");
                }
                yield new Result(label, b);
            }
            case "expression" -> {
                if (!m.containsKey("expression")) throw new IllegalArgumentException("an expression condition needs an 'expression'");
                yield new Expr(label, Expression.parse(m.get("expression")));
            }
            default -> throw new IllegalArgumentException("unknown condition type '" + type
                    + "'; expected unconditional, llm, result or expression");
        };
    }
}
