package dev.timbre.convai.conversation.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timbre.agent.tools.AgentTool;
import dev.timbre.agent.tools.ToolRunner;
import dev.timbre.convai.tools.WebhookToolResult;
import dev.timbre.http.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServerToolRunnerTest {
    private static final JsonNode WEBHOOK = Json.MAPPER.createObjectNode().put("type", "webhook").put("name", "lookup")
            .put("description", "d").set("api_schema", Json.MAPPER.createObjectNode().put("url", "https://example.test/x"));

    @Test
    void workspace_tools_are_counted_and_inline_ones_are_not() {
        List<String> counted = new ArrayList<>();
        ServerToolRunner runner = new ServerToolRunner((config, args, vars) -> new WebhookToolResult("{\"ok\":true}", false, null, 0.25),
                (id, secs) -> counted.add(id + "@" + secs));

        ToolRunner.Result fromWorkspace = runner.run(AgentToolSpecs.of(WEBHOOK, "tool_1"), "{}", Map.of());
        runner.run(AgentToolSpecs.of(WEBHOOK), "{}", Map.of());

        assertThat(fromWorkspace.isError()).isFalse();
        assertThat(counted).containsExactly("tool_1@0.25");
    }

    @Test
    void a_failing_counter_does_not_fail_the_call() {
        ServerToolRunner runner = new ServerToolRunner((config, args, vars) -> new WebhookToolResult("r", false, null, 0.1),
                (id, secs) -> { throw new IllegalStateException("db down"); });
        assertThat(runner.run(AgentToolSpecs.of(WEBHOOK, "tool_1"), "{}", Map.of()).value()).isEqualTo("r");
    }

    @Test
    void a_tool_without_a_webhook_binding_is_an_error_result() {
        ServerToolRunner runner = new ServerToolRunner((config, args, vars) -> { throw new AssertionError("not called"); }, ServerToolRunner.Usage.NONE);
        AgentTool client = AgentTool.client(AgentToolSpecs.of(WEBHOOK).spec(), true, null);
        assertThat(runner.run(client, "{}", Map.of()).isError()).isTrue();
    }
}
