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
        // AgentWorkflowResponseModel: edges, nodes and prevent_subagent_loops are required (the SDK rejects it otherwise).
        ObjectNode wf = Json.MAPPER.createObjectNode();
        wf.putObject("edges");
        wf.putObject("nodes");
        wf.put("prevent_subagent_loops", false);
        out.set("workflow", workflow == null || !workflow.isObject() ? wf : WorkflowView.fill(JsonMerge.into(wf, workflow)));
        out.set("access_info", Json.MAPPER.valueToTree(AgentSummary.AccessInfo.OWNER));
        out.set("tags", Json.MAPPER.valueToTree(a.tags()));
        // Any other top-level field the client sent comes back as it was sent.
        a.config().fields().forEachRemaining(e -> {
            if (!out.has(e.getKey())) out.set(e.getKey(), e.getValue().deepCopy());
        });
        return out;
    }

    static AgentSummary summary(StoredAgent a) {
        // voice_id is required in AgentSummaryResponseModel: the agent's TTS voice, or the default one.
        JsonNode voice = a.config().path("conversation_config").path("tts").get("voice_id");
        String voiceId = voice != null && voice.isTextual() ? voice.asText()
                : AgentDefaults.of("conversation_config").path("tts").path("voice_id").asText("");
        return new AgentSummary(a.agentId(), a.name(), voiceId, a.tags(), a.createdAtUnix(), AgentSummary.AccessInfo.OWNER, null,
                a.archived());
    }
}
