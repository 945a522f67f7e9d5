package dev.timbre.convai.agenttesting.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResponseRulesTest {

    static TestCase test(String condition, List<String> success, List<String> failure) {
        return new TestCase(List.of(), condition, success, failure, null, Map.of());
    }

    @Test
    void the_first_rule_that_applies_decides() {
        assertThat(ResponseRules.judge(test("/^hello/i", List.of(), List.of()), "Hello there").result()).isEqualTo("success");
        assertThat(ResponseRules.judge(test("/^hello/", List.of(), List.of()), "Hello there").result()).isEqualTo("failure");
        assertThat(ResponseRules.judge(test("x", List.of("Thanks!"), List.of("thanks")), " THANKS ").summary()).contains("failure example");
        assertThat(ResponseRules.judge(test("Mention \"refund\" and \u201Cdays\u201D", List.of(), List.of()), "A refund in 3 days.").result())
                .isEqualTo("success");
        assertThat(ResponseRules.judge(test("x", List.of(), List.of()), "  ").summary()).contains("empty response");
        assertThat(ResponseRules.judge(test("helpful", List.of(), List.of()), "Sure.").result()).isEqualTo("unknown");
    }

    @Test
    void word_overlap_compares_the_closest_examples() {
        TestCase t = test("x", List.of("Your refund is on its way"), List.of("Please call the billing department"));
        assertThat(ResponseRules.judge(t, "The refund is on the way").result()).isEqualTo("success");
        assertThat(ResponseRules.judge(t, "Call billing department please").result()).isEqualTo("failure");
        assertThat(ResponseRules.judge(test("x", List.of("refund issued"), List.of()), "Nothing to see").result()).isEqualTo("failure");
        assertThat(ResponseRules.judge(test("x", List.of(), List.of("no refunds")), "Refund issued today").result()).isEqualTo("success");
    }

    @Test
    void parameter_paths_reach_nested_values() throws Exception {
        var args = dev.timbre.http.Json.MAPPER.readTree("{\"order\":{\"items\":[{\"sku\":\"A1\"}]}}");
        assertThat(ToolCallRules.at(args, "order.items.0.sku").orElseThrow().asText()).isEqualTo("A1");
        assertThat(ToolCallRules.at(args, "order.missing")).isEmpty();
    }
}
