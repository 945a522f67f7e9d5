package dev.timbre.convai.mcpservers;

import java.util.List;

/** {@code MCPServersResponseModel}. */
public record McpServersPage(List<McpServerResponse> mcpServers) {}
