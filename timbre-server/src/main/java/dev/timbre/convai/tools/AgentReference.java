package dev.timbre.convai.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.timbre.http.Json;

/** An agent row as dependent-agents sees it: listing columns and the stored configuration. */
public record AgentReference(String agentId, String name, long createdAtUnix, long seq, JsonNode config) {

    /** True when {@code conversation_config.agent.prompt.tool_ids} holds {@code toolId}. */
    public boolean usesTool(String toolId) {
        for (JsonNode id : config.at("/conversation_config/agent/prompt/tool_ids")) {
            if (id.isTextual() && id.asText().equals(toolId)) return true;
        }
        return false;
    }

    /** {@code DependentAvailableAgentIdentifier}. */
    public ObjectNode identifier() {
        return Json.MAPPER.createObjectNode().put("id", agentId).put("name", name).put("type", "available")
                .put("created_at_unix_secs", createdAtUnix).put("access_level", "admin");
    }
}
