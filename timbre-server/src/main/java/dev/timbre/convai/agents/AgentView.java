package dev.timbre.convai.agents;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.timbre.http.Json;

/** {@code GetAgentResponseModel} for a stored agent: every stored field verbatim, over the documented defaults. */
final class AgentView {
    private AgentView() {}

    static ObjectNode of(StoredAgent a) {
        ObjectNode out = Json.MAPPER.createObjectNode();
        out.put("agent_id", a.agentId());
        out.put("name", a.name());
        out.set("conversation_config", AgentDefaults.fill("conversation_config", a.config().get("conversation_config")));
        ObjectNode metadata = out.putObject("metadata");
        metadata.put("created_at_unix_secs", a.createdAtUnix());
        metadata.put("updated_at_unix_secs", a.updatedAtUnix());
        out.set("platform_settings", AgentDefaults.fill("platform_settings", a.config().get("platform_settings")));
        out.putArray("phone_numbers");
        JsonNode workflow = a.config().get("workflow");
        if (workflow == null || workflow.isNull()) {
            ObjectNode empty = Json.MAPPER.createObjectNode();
            empty.putObject("edges");
            empty.putObject("nodes");
            workflow = empty;
        }
        out.set("workflow", workflow.deepCopy());
        out.set("access_info", Json.MAPPER.valueToTree(AgentSummary.AccessInfo.OWNER));
        out.set("tags", Json.MAPPER.valueToTree(a.tags()));
        // Any other top-level field the client sent comes back as it was sent.
        a.config().fields().forEachRemaining(e -> {
            if (!out.has(e.getKey())) out.set(e.getKey(), e.getValue().deepCopy());
        });
        return out;
    }

    static AgentSummary summary(StoredAgent a) {
        return new AgentSummary(a.agentId(), a.name(), a.tags(), a.createdAtUnix(), AgentSummary.AccessInfo.OWNER, null);
    }
}
