package dev.timbre.convai.conversation.agent;

import dev.timbre.agent.tools.AgentTool;
import dev.timbre.agent.tools.ToolKind;
import dev.timbre.agent.tools.ToolRunner;
import dev.timbre.convai.mcpservers.McpTools;
import dev.timbre.convai.tools.WebhookToolResult;
import dev.timbre.convai.tools.WebhookTools;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The runtime's {@link ToolRunner} on the server's {@link WebhookTools} (MCP tools go to {@link McpTools}); calls of
 * workspace tools are counted in their usage stats. Thread-safe; blocking.
 */
public final class ServerToolRunner implements ToolRunner {
    private static final Logger LOG = LoggerFactory.getLogger(ServerToolRunner.class);

    /** Receives each call of a workspace tool: its id and latency in seconds. Must not throw for a deleted tool. */
    public interface Usage {
        Usage NONE = (toolId, secs) -> {};

        void called(String toolId, double latencySecs);
    }

    private final WebhookTools webhooks;
    private final Usage usage;
    private final McpTools mcp;

    public ServerToolRunner(WebhookTools webhooks, Usage usage) {
        this(webhooks, usage, McpTools.NONE);
    }

    public ServerToolRunner(WebhookTools webhooks, Usage usage, McpTools mcp) {
        this.webhooks = webhooks;
        this.usage = usage;
        this.mcp = mcp;
    }

    @Override
    public Result run(AgentTool tool, String argumentsJson, Map<String, Object> dynamicVariables) {
        if (tool.kind() == ToolKind.MCP) return mcp.run(tool, argumentsJson);
        if (!(tool.config() instanceof WebhookBinding binding)) return new Result("The tool has no webhook configuration.", true, null, 0);
        WebhookToolResult r = webhooks.call(binding.config(), argumentsJson, dynamicVariables);
        if (binding.toolId() != null) {
            try {
                usage.called(binding.toolId(), r.latencySecs());
            } catch (RuntimeException e) {
                LOG.warn("could not count a call of tool {}: {}", binding.toolId(), e.toString());
            }
        }
        return new Result(r.resultValue(), r.isError(), r.toolDetails(), r.latencySecs(), r.assignments());
    }
}
