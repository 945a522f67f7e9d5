package dev.timbre.convai.mcpservers;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** A row of {@code convai_mcp_servers}; {@code config} is the checked {@code MCPServerConfig} with defaults. Unix seconds. */
public record StoredMcpServer(String mcpServerId, String name, ObjectNode config, long createdAtUnix, long updatedAtUnix) {

    public String url() { return config.path("url").isTextual() ? config.path("url").asText() : null; }

    public String transport() { return config.path("transport").asText(McpConfigChecks.SSE); }

    public String approvalPolicy() { return config.path("approval_policy").asText(McpConfigChecks.REQUIRE_ALL); }
}
