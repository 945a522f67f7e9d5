package dev.timbre.convai.conversation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timbre.agent.tools.AgentTool;
import dev.timbre.agent.tools.ToolRunner;
import dev.timbre.convai.tools.WebhookToolResult;
import dev.timbre.convai.tools.WebhookTools;
import java.util.Map;

/** The runtime's {@link ToolRunner} on the server's {@link WebhookTools}. Thread-safe; blocking. */
final class ServerToolRunner implements ToolRunner {
    private final WebhookTools webhooks;

    ServerToolRunner(WebhookTools webhooks) {
        this.webhooks = webhooks;
    }

    @Override
    public Result run(AgentTool tool, String argumentsJson, Map<String, Object> dynamicVariables) {
        if (!(tool.config() instanceof JsonNode config)) return new Result("The tool has no webhook configuration.", true, null, 0);
        WebhookToolResult r = webhooks.call(config, argumentsJson, dynamicVariables);
        return new Result(r.resultValue(), r.isError(), r.toolDetails(), r.latencySecs());
    }
}
