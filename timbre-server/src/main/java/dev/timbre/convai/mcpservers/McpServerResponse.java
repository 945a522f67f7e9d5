package dev.timbre.convai.mcpservers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.timbre.convai.tools.ToolResponse;
import java.util.List;

/** {@code MCPServerResponseModel}; {@code dependentAgents} are {@code DependentAvailableAgentIdentifier}s. */
public record McpServerResponse(String id, ObjectNode config, ToolResponse.AccessInfo accessInfo, List<JsonNode> dependentAgents,
                                Metadata metadata) {

    /** {@code MCPServerMetadataResponseModel}: creation time in Unix seconds. */
    public record Metadata(long createdAt, String ownerUserId) {}
}
