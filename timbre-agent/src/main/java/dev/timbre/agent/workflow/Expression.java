package dev.timbre.agent.workflow;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An expression condition's syntax tree (the seed's {@code AST…Node} variants, plus the newer SDK's null literal,
 * arithmetic and conditional operators), evaluated over the conversation's dynamic variables. A small, safe
 * evaluator: literals, variables, and/or, comparisons, arithmetic, conditionals; no script engine. Values are
 * strings, numbers ({@link BigDecimal}), booleans or null (a variable that is not set).
 *
 * <p>Truthiness: false, null, 0 and "" are false; everything else is true. {@code eq}/{@code neq} compare numbers by
 * value and anything else as text (a boolean variable stored as the text "true" equals the literal true);
 * {@code gt}/{@code lt}/{@code gte}/{@code lte} compare numbers (numeric text counts) and are false otherwise.
 * An {@code llm} node (a question for the LLM inside an expression) is accepted but evaluates to false: judged
 * conditions belong in {@code llm} edges.
 */
public sealed interface Expression {
    /** The deepest expression accepted: bounds the evaluator's recursion. */
    int MAX_DEPTH = 32;

    record Literal(Object value) implements Expression {}

    record Variable(String name) implements Expression {}

    record LlmQuestion(String prompt) implements Expression {}

    /** {@code and_operator} / {@code or_operator}. */
    record Logic(boolean and, List<Expression> children) implements Expression {
        public Logic { children = List.copyOf(children); }
    }

    /** {@code op}: eq, neq, gt, lt, gte, lte. */
    record Compare(String op, Expression left, Expression right) implements Expression {}

    /** {@code op}: add, sub, mul, div over numbers (add joins text when either side is not a number); null otherwise. */
    record Arithmetic(String op, Expression left, Expression right) implements Expression {}

    /** {@code conditional_operator}: {@code whenTrue} if {@code condition} holds, else {@code whenFalse}. */
    record Conditional(Expression condition, Expression whenTrue, Expression whenFalse) implements Expression {}

    /** This expression's value over {@code variables}. */
    default Object evaluate(Map<String, Object> variables) {
        if (this instanceof Literal l) return l.value();
        if (this instanceof Variable v) return variables.get(v.name());
        if (this instanceof LlmQuestion) return false;
        if (this instanceof Conditional c) {
            return (truthy(c.condition().evaluate(variables)) ? c.whenTrue() : c.whenFalse()).evaluate(variables);
        }
        if (this instanceof Arithmetic a) return arithmetic(a.op(), a.left().evaluate(variables), a.right().evaluate(variables));
        if (this instanceof Logic l) {
            for (Expression c : l.children()) {
                boolean t = truthy(c.evaluate(variables));
                if (l.and() && !t) return false;
                if (!l.and() && t) return true;
            }
            return l.and();
        }
        Compare c = (Compare) this;
        Object a = c.left().evaluate(variables);
        Object b = c.right().evaluate(variables);
        return switch (c.op()) {
            case "eq" -> same(a, b);
            case "neq" -> !same(a, b);
            default -> {
                BigDecimal x = number(a);
                BigDecimal y = number(b);
                if (x == null || y == null) yield false;
                int cmp = x.compareTo(y);
                yield switch (c.op()) {
                    case "gt" -> cmp > 0;
                    case "lt" -> cmp < 0;
                    case "gte" -> cmp >= 0;
                    default -> cmp <= 0;
                };
            }
        };
    }

    /** True when this expression holds over {@code variables}. */
    default boolean test(Map<String, Object> variables) { return truthy(evaluate(variables)); }

    static boolean truthy(Object v) {
        if (v == null) return false;
        if (v instanceof Boolean b) return b;
        if (v instanceof Number n) return number(n).signum() != 0;
        return !v.toString().isEmpty();
    }

    private static Object arithmetic(String op, Object a, Object b) {
        BigDecimal x = number(a);
        BigDecimal y = number(b);
        if (x == null || y == null) return op.equals("add") && a != null && b != null ? a.toString() + b : null;
        return switch (op) {
            case "add" -> x.add(y);
            case "sub" -> x.subtract(y);
            case "mul" -> x.multiply(y);
            default -> y.signum() == 0 ? null : x.divide(y, java.math.MathContext.DECIMAL64);
        };
    }

    private static boolean same(Object a, Object b) {
        BigDecimal x = number(a);
        BigDecimal y = number(b);
        if (x != null && y != null) return x.compareTo(y) == 0;
        if (a == null || b == null) return a == b;
        return a.toString().equals(b.toString());
    }

    private static BigDecimal number(Object v) {
        if (v instanceof Boolean || v == null) return null;
        try {
            return new BigDecimal(v.toString().strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * Parses an expression tree from JSON-like values.
     *
     * @throws IllegalArgumentException with a message for people when it is not a valid expression
     */
    static Expression parse(Object json) {
        return parse(json, 0);
    }

    private static Expression parse(Object json, int depth) {
        if (depth > MAX_DEPTH) throw new IllegalArgumentException("the expression is nested deeper than " + MAX_DEPTH + " levels");
        if (!(json instanceof Map<?, ?> m)) throw new IllegalArgumentException("an expression node must be an object");
        String type = Objects.toString(m.get("type"), "");
        return switch (type) {
            case "string_literal" -> new Literal(field(m, "value", String.class, type));
            case "number_literal" -> new Literal(new BigDecimal(field(m, "value", Number.class, type).toString()));
            case "boolean_literal" -> new Literal(field(m, "value", Boolean.class, type));
            case "dynamic_variable" -> {
                String name = field(m, "name", String.class, type);
                if (name.isBlank()) throw new IllegalArgumentException("a dynamic_variable node needs a non-empty 'name'");
                yield new Variable(name.strip());
            }
            case "null_literal" -> new Literal(null);
            case "llm" -> new LlmQuestion(field(m, "prompt", String.class, type));
            case "add_operator", "sub_operator", "mul_operator", "div_operator" -> {
                if (!m.containsKey("left") || !m.containsKey("right")) {
                    throw new IllegalArgumentException("an " + type + " node needs 'left' and 'right'");
                }
                yield new Arithmetic(type.substring(0, 3), parse(m.get("left"), depth + 1), parse(m.get("right"), depth + 1));
            }
            case "conditional_operator" -> {
                for (String f : List.of("condition", "true_expression", "false_expression")) {
                    if (!m.containsKey(f)) throw new IllegalArgumentException("a conditional_operator node needs '" + f + "'");
                }
                yield new Conditional(parse(m.get("condition"), depth + 1), parse(m.get("true_expression"), depth + 1),
                        parse(m.get("false_expression"), depth + 1));
            }
            case "and_operator", "or_operator" -> {
                if (!(m.get("children") instanceof List<?> list) || list.isEmpty()) {
                    throw new IllegalArgumentException("an " + type + " node needs a non-empty 'children' list");
                }
                List<Expression> children = new ArrayList<>();
                for (Object c : list) children.add(parse(c, depth + 1));
                yield new Logic(type.equals("and_operator"), children);
            }
            case "eq_operator", "neq_operator", "gt_operator", "lt_operator", "gte_operator", "lte_operator" -> {
                if (!m.containsKey("left") || !m.containsKey("right")) {
                    throw new IllegalArgumentException("an " + type + " node needs 'left' and 'right'");
                }
                yield new Compare(type.substring(0, type.indexOf('_')), parse(m.get("left"), depth + 1), parse(m.get("right"), depth + 1));
            }
            default -> throw new IllegalArgumentException("unknown expression node type '" + type + "'");
        };
    }

    private static <T> T field(Map<?, ?> m, String name, Class<T> type, String nodeType) {
        Object v = m.get(name);
        if (!type.isInstance(v)) {
            throw new IllegalArgumentException("a " + nodeType + " node needs a " + type.getSimpleName().toLowerCase(java.util.Locale.ROOT)
                    + " '" + name + "'");
        }
        return type.cast(v);
    }
}
