package dev.timbre.agent.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExpressionTest {
    static Map<String, Object> var(String name) { return Map.of("type", "dynamic_variable", "name", name); }

    static Map<String, Object> num(double v) { return Map.of("type", "number_literal", "value", v); }

    static Map<String, Object> op(String type, Object left, Object right) { return Map.of("type", type, "left", left, "right", right); }

    @Test
    void comparesVariablesWithLiterals() {
        Expression e = Expression.parse(Map.of("type", "and_operator", "children", List.of(
                op("eq_operator", var("verified"), Map.of("type", "boolean_literal", "value", true)),
                op("gte_operator", var("age"), num(18)))));
        assertThat(e.test(Map.of("verified", true, "age", 21))).isTrue();
        assertThat(e.test(Map.of("verified", "true", "age", "18"))).isTrue();
        assertThat(e.test(Map.of("verified", true, "age", 17))).isFalse();
        assertThat(e.test(Map.of("age", 30))).isFalse();
    }

    @Test
    void orNotEqualsAndStrings() {
        Expression e = Expression.parse(Map.of("type", "or_operator", "children", List.of(
                op("neq_operator", var("plan"), Map.of("type", "string_literal", "value", "free")),
                op("lt_operator", num(1), num(0)))));
        assertThat(e.test(Map.of("plan", "pro"))).isTrue();
        assertThat(e.test(Map.of("plan", "free"))).isFalse();
        assertThat(Expression.parse(var("flag")).test(Map.of("flag", ""))).isFalse();
        assertThat(Expression.parse(Map.of("type", "llm", "prompt", "is the user happy?")).test(Map.of())).isFalse();
    }

    @Test
    void arithmeticNullAndConditionalNodes() {
        Expression e = Expression.parse(op("gt_operator", op("add_operator", var("a"), num(2)), op("mul_operator", num(2), num(3))));
        assertThat(e.test(Map.of("a", 5))).isTrue();
        assertThat(e.test(Map.of("a", 4))).isFalse();
        assertThat(Expression.parse(op("div_operator", num(1), num(0))).evaluate(Map.of())).isNull();
        Expression c = Expression.parse(Map.of("type", "conditional_operator", "condition", var("vip"),
                "true_expression", Map.of("type", "string_literal", "value", "gold"), "false_expression", Map.of("type", "null_literal")));
        assertThat(c.evaluate(Map.of("vip", true))).isEqualTo("gold");
        assertThat(c.evaluate(Map.of())).isNull();
    }

    @Test
    void malformedTreesAreRefusedWithAReason() {
        assertThatThrownBy(() -> Expression.parse(Map.of("type", "xor_operator"))).hasMessageContaining("unknown expression node type 'xor_operator'");
        assertThatThrownBy(() -> Expression.parse(Map.of("type", "eq_operator", "left", var("a")))).hasMessageContaining("'left' and 'right'");
        assertThatThrownBy(() -> Expression.parse(Map.of("type", "number_literal", "value", "7"))).hasMessageContaining("number 'value'");
        assertThatThrownBy(() -> Expression.parse(Map.of("type", "and_operator", "children", List.of()))).hasMessageContaining("non-empty 'children'");
        assertThatThrownBy(() -> Expression.parse("x")).hasMessageContaining("must be an object");
        Object deep = var("a");
        for (int i = 0; i < 40; i++) deep = Map.of("type", "and_operator", "children", List.of(deep));
        Object tooDeep = deep;
        assertThatThrownBy(() -> Expression.parse(tooDeep)).hasMessageContaining("nested deeper");
        assertThatThrownBy(() -> Condition.parse(Map.of("type", "llm"))).hasMessageContaining("'condition'");
        assertThatThrownBy(() -> Condition.parse(Map.of("type", "result"))).hasMessageContaining("'successful'");
    }

    @Test
    void runTakesUnconditionalThenExpressionThenResultEdges() {
        Workflow wf = new Workflow(Map.of("start", new WorkflowNode.Start(), "tool", new WorkflowNode.Tools(List.of()),
                "ok", new WorkflowNode.End(), "bad", new WorkflowNode.End()),
                new java.util.LinkedHashMap<>(Map.of(
                        "e1", new WorkflowEdge("start", "tool", null, null),
                        "e2", new WorkflowEdge("tool", "bad", new Condition.Result(null, false), null),
                        "e3", new WorkflowEdge("tool", "ok", new Condition.Result(null, true), new Condition.Llm(null, "the user wants to retry")))));
        WorkflowRun run = new WorkflowRun(wf);
        assertThat(run.currentId()).isEqualTo("start");
        run.take(run.automatic(Map.of(), null).orElseThrow());
        assertThat(run.current()).isInstanceOf(WorkflowNode.Tools.class);
        assertThat(run.automatic(Map.of(), null)).isEmpty();
        assertThat(run.automatic(Map.of(), true).orElseThrow().target()).isEqualTo("ok");
        assertThat(run.automatic(Map.of(), false).orElseThrow().edgeId()).isEqualTo("e2");
        run.take(run.automatic(Map.of(), true).orElseThrow());
        // a backward edge with an LLM condition leads back to the edge's source
        assertThat(run.llmTransitions()).singleElement().satisfies(t -> assertThat(t.target()).isEqualTo("tool"));
    }
}
