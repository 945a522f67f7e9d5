package dev.timbre.convai.mcpservers;

import dev.timbre.agent.tools.AgentTool;
import dev.timbre.agent.tools.ToolRunner;
import java.util.List;

/**
 * The MCP tools of a conversation: what the agent's {@code prompt.mcp_server_ids} servers offer, as
 * {@link AgentTool}s of kind MCP, and their calls. Thread-safe; both methods block (network), never on a session loop.
 */
public interface McpTools {
    /** No MCP support: no tools, every call an error. */
    McpTools NONE = new McpTools() {
        @Override
        public List<AgentTool> tools(List<String> serverIds) {
            return List.of();
        }

        @Override
        public ToolRunner.Result run(AgentTool tool, String argumentsJson) {
            return new ToolRunner.Result("MCP tools are not configured", true, null, 0);
        }
    };

    /** The tools of the servers, in server then listing order; a server that is gone or down contributes none. */
    List<AgentTool> tools(List<String> serverIds);

    /** Calls {@code tool} (one of {@link #tools}' results) under its server's approval policy; never throws. */
    ToolRunner.Result run(AgentTool tool, String argumentsJson);
}
