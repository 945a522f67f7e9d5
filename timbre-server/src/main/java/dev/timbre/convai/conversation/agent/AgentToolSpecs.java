package dev.timbre.convai.conversation.agent;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timbre.agent.tools.AgentTool;
import dev.timbre.engine.ToolSpec;
import dev.timbre.http.Json;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Tool configs (ElevenLabs {@code tool_config} JSON: client, webhook, system) → {@link AgentTool}s the runtime
 * offers the LLM. System tools get the documented parameters and a default description when theirs is blank.
 */
final class AgentToolSpecs {
    private static final Map<String, String> SYSTEM_DESCRIPTIONS = Map.of(
            "end_call", "End the call when the task is done, the conversation has reached its natural end, or the user wants to end it.",
            "language_detection", "Switch the conversation language when the user speaks another language or asks to switch.",
            "transfer_to_agent", "Transfer the user to another agent when a transfer rule's condition is met.",
            "transfer_to_number", "Transfer the call to a human operator at a configured number.",
            "skip_turn", "Stay silent and wait for the user, e.g. when they ask for a moment.",
            "play_keypad_touch_tone", "Play DTMF keypad tones in a phone call.",
            "voicemail_detection", "Call this when the call reached a voicemail system.");

    private AgentToolSpecs() {}

    /** The tool for {@code config}, or null when it is not a usable tool (no name, unknown type, MCP). */
    static AgentTool of(JsonNode config) {
        return of(config, null);
    }

    /**
     * As {@link #of(JsonNode)}; {@code toolId} is the workspace tool's id when the config came from {@code tool_ids}
     * (its webhook calls are then counted in the tool's usage stats), else null.
     */
    static AgentTool of(JsonNode config, String toolId) {
        String type = config.path("type").asText("");
        String name = config.path("name").asText("");
        if (type.equals("system")) {
            String systemType = config.path("params").path("system_tool_type").asText(name);
            if (name.isBlank()) name = systemType;
            String fallback = SYSTEM_DESCRIPTIONS.getOrDefault(systemType, "");
            if (systemType.equals("transfer_to_number")) fallback += transferRules(config.path("params").path("transfers"));
            return AgentTool.system(new ToolSpec(name, describe(config, fallback),
                    systemParameters(systemType)), systemType, map(config.path("params")));
        }
        if (name.isBlank()) return null;
        Duration timeout = Duration.ofSeconds(Math.max(1, config.path("response_timeout_secs").asInt(20)));
        if (type.equals("client")) {
            ToolSpec spec = new ToolSpec(name, describe(config, name), schema(config.path("parameters")));
            return AgentTool.client(spec, config.path("expects_response").asBoolean(false), timeout);
        }
        if (type.equals("webhook")) {
            return AgentTool.webhook(new ToolSpec(name, describe(config, name), webhookParameters(config.path("api_schema"))), timeout, new WebhookBinding(toolId, config));
        }
        return null;
    }

    /** The default description's list of {@code transfer_to_number} rules: each destination and its condition. */
    private static String transferRules(JsonNode transfers) {
        StringBuilder b = new StringBuilder();
        for (JsonNode rule : transfers) {
            JsonNode d = rule.path("transfer_destination");
            String to = d.path("type").asText("phone").equals("sip_uri") ? d.path("sip_uri").asText("") : d.path("phone_number").asText("");
            if (to.isBlank()) to = rule.path("phone_number").asText("");
            if (to.isBlank()) continue;
            b.append(b.isEmpty() ? " Transfer to (transfer_number): " : "; ").append(to).append(" when ").append(rule.path("condition").asText(""));
        }
        return b.isEmpty() ? "" : b.append('.').toString();
    }

    private static String describe(JsonNode config, String fallback) {
        String d = config.path("description").asText("");
        return d.isBlank() ? fallback : d;
    }

    static Map<String, Object> systemParameters(String systemType) {
        List<String> required = new ArrayList<>();
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("reason", string("Why the tool is called"));
        switch (systemType) {
            case "end_call" -> { props.put("message", string("Farewell message said before the call ends")); required.add("reason"); }
            case "language_detection" -> { props.put("language", string("The language code to switch to")); required.add("reason"); required.add("language"); }
            case "transfer_to_agent" -> { props.put("agent_number", Map.of("type", "integer", "description", "Zero-based index of the transfer rule")); required.add("agent_number"); }
            case "transfer_to_number" -> {
                props.put("transfer_number", string("The configured number to transfer to"));
                props.put("client_message", string("Message for the caller while waiting"));
                props.put("agent_message", string("Message for the human operator"));
                required.addAll(List.of("transfer_number", "client_message", "agent_message"));
            }
            case "play_keypad_touch_tone" -> { props.put("dtmf_tones", string("Digits 0-9, * and #, w/W for pauses")); required.add("dtmf_tones"); }
            case "voicemail_detection" -> required.add("reason");
            default -> { }
        }
        return Map.of("type", "object", "properties", props, "required", required);
    }

    /** The LLM-facing schema of a webhook: its body, query and path parameters merged into one object. */
    private static Map<String, Object> webhookParameters(JsonNode apiSchema) {
        Map<String, Object> props = new LinkedHashMap<>();
        Set<String> required = new LinkedHashSet<>();
        for (String part : List.of("request_body_schema", "query_params_schema")) {
            JsonNode s = apiSchema.path(part);
            s.path("properties").fields().forEachRemaining(e -> props.put(e.getKey(), map(e.getValue())));
            s.path("required").forEach(r -> required.add(r.asText()));
        }
        apiSchema.path("path_params_schema").fields().forEachRemaining(e -> {
            props.put(e.getKey(), map(e.getValue()));
            required.add(e.getKey());
        });
        return Map.of("type", "object", "properties", props, "required", List.copyOf(required));
    }

    private static Map<String, Object> schema(JsonNode parameters) {
        return parameters.isObject() ? map(parameters) : Map.of();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(JsonNode node) {
        if (node == null || !node.isObject()) return Map.of();
        return Json.MAPPER.convertValue(node, LinkedHashMap.class);
    }

    private static Map<String, Object> string(String description) {
        return Map.of("type", "string", "description", description);
    }
}
