package dev.timbre.convai.agents;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.timbre.http.Json;
import java.util.Map;

/**
 * The {@code workflow} of an agent as returned ({@code AgentWorkflowResponseModel}): each node gets the fields the
 * SDKs require of a response node (position, edge order, the type's own defaults) under what was stored. Pure.
 */
final class WorkflowView {
    /** Per node type: the defaults a response node carries. */
    private static final Map<String, String> DEFAULTS = Map.of(
            "end", "{'outcome':'success'}",
            "override_agent", "{'conversation_config':{},'additional_prompt':'','additional_knowledge_base':[],"
                    + "'additional_tool_ids':[],'label':'','entry_behavior':'auto'}",
            "tool", "{'tools':[]}",
            "standalone_agent", "{'delay_ms':0,'enable_transferred_agent_first_message':false,"
                    + "'preserve_client_tts_overrides':false,'preserve_voice_settings':false}",
            "phone_number", "{'custom_sip_headers':[],'transfer_type':'conference','sip_refer_play_dialtone':false}");

    private WorkflowView() {}

    /** {@code workflow} (not modified) with its nodes' response defaults filled in. */
    static JsonNode fill(JsonNode workflow) {
        if (!workflow.isObject() || !workflow.path("nodes").isObject()) return workflow;
        ObjectNode out = ((ObjectNode) workflow).deepCopy();
        ObjectNode nodes = (ObjectNode) out.get("nodes");
        Map<String, JsonNode> replaced = new java.util.LinkedHashMap<>();
        nodes.fields().forEachRemaining(e -> {
            if (!e.getValue().isObject()) return;
            ObjectNode node = (ObjectNode) e.getValue();
            ObjectNode filled = Json.MAPPER.createObjectNode();
            filled.putObject("position").put("x", 0.0).put("y", 0.0);
            ArrayNode order = filled.putArray("edge_order");
            out.path("edges").fields().forEachRemaining(edge -> {
                if (edge.getValue().path("source").asText().equals(e.getKey())) order.add(edge.getKey());
            });
            String defaults = DEFAULTS.get(node.path("type").asText());
            if (defaults != null) filled.setAll(parse(defaults));
            node.fields().forEachRemaining(f -> {
                if (!f.getValue().isNull() || !filled.has(f.getKey())) filled.set(f.getKey(), f.getValue());
            });
            replaced.put(e.getKey(), filled);
        });
        replaced.forEach(nodes::set);
        return out;
    }

    private static ObjectNode parse(String singleQuoted) {
        try {
            return (ObjectNode) Json.MAPPER.readTree(singleQuoted.replace('\'', '"'));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
