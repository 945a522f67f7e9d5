package dev.timbre.agent.session;

import static dev.timbre.agent.session.ScriptedLanguageModel.Reply;
import static org.assertj.core.api.Assertions.assertThat;

import dev.timbre.agent.tools.AgentTool;
import dev.timbre.agent.tools.ToolRunner;
import dev.timbre.engine.ToolCall;
import dev.timbre.engine.ToolSpec;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Webhook tools' {@code assignments}: values from a response become dynamic variables for later tools and the prompt. */
class ToolAssignmentsTest {
    static final AgentTool LOOKUP = AgentTool.webhook(new ToolSpec("find_order", "finds the order", null), Duration.ofSeconds(3), "cfg");

    @Test
    void assignedVariablesReachLaterToolCallsAndThePrompt() {
        List<Map<String, Object>> seen = new CopyOnWriteArrayList<>();
        List<String> args = new CopyOnWriteArrayList<>();
        ToolRunner runner = (tool, a, vars) -> {
            seen.add(vars);
            args.add(a);
            return new ToolRunner.Result("{\"order\":{\"id\":\"A-17\"}}", false, null, 0.01,
                    Map.of("order_id", "A-17", "system__agent_id", "forged"));
        };
        var model = new ScriptedLanguageModel(Reply.tools(new ToolCall("c1", "find_order", "{\"q\":\"mine\"}")), Reply.text("Found A-17."),
                Reply.tools(new ToolCall("c2", "find_order", "{\"q\":\"{{order_id}}\"}")), Reply.text("Still A-17."));
        var agent = SessionFixture.agent(model, "Order: {{order_id}}.", "", LOOKUP);
        var f = SessionFixture.started(SessionConfig.of("conv_1", agent).withDynamicVariables(Map.of("order_id", "none")), runner, null);

        f.say("where is my order?");
        f.loop.drainUntil(() -> model.requests.size() == 2);
        assertThat(model.requests.get(0).systemPrompt()).startsWith("Order: none.");
        assertThat(model.requests.get(1).systemPrompt()).startsWith("Order: A-17.");
        assertThat(f.out.transcript.get(1).toolResults().get(0).dynamicVariableUpdates()).singleElement().satisfies(u -> {
            assertThat(u.variableName()).isEqualTo("order_id");
            assertThat(u.oldValue()).isEqualTo("none");
            assertThat(u.newValue()).isEqualTo("A-17");
            assertThat(u.toolName()).isEqualTo("find_order");
            assertThat(u.toolRequestId()).isEqualTo("c1");
        });

        f.say("and again?");
        f.loop.drainUntil(() -> model.requests.size() == 4);
        assertThat(args.get(1)).isEqualTo("{\"q\":\"A-17\"}");
        assertThat(seen.get(1)).containsEntry("order_id", "A-17").containsEntry("system__agent_id", "agent_1");
    }

    @Test
    void aFailedOrTimedOutCallAssignsNothing() {
        ToolRunner runner = (tool, a, vars) -> new ToolRunner.Result("HTTP 500", true, null, 0.01, Map.of());
        var model = new ScriptedLanguageModel(Reply.tools(new ToolCall("c1", "find_order", "{}")), Reply.text("Sorry."));
        var agent = SessionFixture.agent(model, "Order: {{order_id}}.", "", LOOKUP);
        var f = SessionFixture.started(SessionConfig.of("conv_2", agent).withDynamicVariables(Map.of("order_id", "none")), runner, null);
        f.say("where is my order?");
        f.loop.drainUntil(() -> model.requests.size() == 2);
        assertThat(model.requests.get(1).systemPrompt()).startsWith("Order: none.");
    }

    @Test
    void assignedNamesAreBounded() {
        var model = new ScriptedLanguageModel();
        var f = SessionFixture.started(SessionConfig.of("conv_3", SessionFixture.agent(model, "", "")));
        for (int i = 0; i < AssignedVariables.MAX + 20; i++) {
            int n = i;
            f.loop.execute(() -> f.session.assignVariables(Map.of("v" + n, n), "t", "c" + n));
        }
        f.loop.drain();
        f.loop.execute(() -> assertThat(f.session.variables().values()).containsKey("v99").doesNotContainKey("v100"));
        f.loop.drain();
    }
}
