package dev.timbre.convai.conversation.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.timbre.http.Json;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The client's {@code conversation_initiation_client_data}, checked against the agent: overrides only where
 * {@code platform_settings.overrides.conversation_config_override} allows them (empty objects and
 * {@code conversation.text_only} are always fine), {@code custom_llm_extra_body} only where allowed (an empty one is
 * fine), dynamic variables of string/number/boolean type without the reserved {@code system__} prefix, and every
 * variable the prompt and first message use given (by the client or the agent's placeholders).
 */
public record Initiation(JsonNode raw, String prompt, String firstMessage, String language, Boolean textOnly,
                  Map<String, Object> dynamicVariables, Map<String, Object> extraBody, String userId) {
    private static final Pattern VAR = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_.\\-]+)\\s*}}");

    /** A refused initiation: the error event's type and message (the socket closes with 1008). */
    public static final class Refused extends Exception {
        public final String errorType;

        Refused(String errorType, String message) {
            super(message);
            this.errorType = errorType;
        }
    }

    public static Initiation check(JsonNode data, JsonNode agentConfig) throws Refused {
        JsonNode allowed = agentConfig.path("platform_settings").path("overrides");
        JsonNode override = data.path("conversation_config_override");
        if (!override.isMissingNode() && !override.isNull() && !override.isObject()) {
            throw new Refused("override_error", "conversation_config_override must be an object");
        }
        checkAllowed(override, allowed.path("conversation_config_override"), "");
        JsonNode extra = data.path("custom_llm_extra_body");
        Map<String, Object> extraBody = extra.isObject() ? AgentToolSpecs.map(extra) : Map.of();
        if (!extraBody.isEmpty() && !allowed.path("custom_llm_extra_body").asBoolean(false)) {
            throw new Refused("override_error", "Override for field 'custom_llm_extra_body' is not allowed by config.");
        }
        Map<String, Object> vars = new LinkedHashMap<>();
        agentConfig.path("conversation_config").path("agent").path("dynamic_variables").path("dynamic_variable_placeholders")
                .fields().forEachRemaining(e -> vars.put(e.getKey(), scalar(e.getValue())));
        JsonNode given = data.path("dynamic_variables");
        for (Iterator<Map.Entry<String, JsonNode>> it = given.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().startsWith("system__")) {
                throw new Refused("value_error", "Dynamic variable '" + e.getKey() + "' uses the reserved prefix 'system__'.");
            }
            JsonNode v = e.getValue();
            if (!(v.isTextual() || v.isNumber() || v.isBoolean())) {
                throw new Refused("value_error", "Dynamic variable '" + e.getKey() + "' must be a string, number or boolean.");
            }
            vars.put(e.getKey(), scalar(v));
        }
        JsonNode agentOverride = override.path("agent");
        String prompt = text(agentOverride.path("prompt").path("prompt"));
        String first = text(agentOverride.path("first_message"));
        String language = text(agentOverride.path("language"));
        JsonNode textOnly = override.path("conversation").path("text_only");
        JsonNode agent = agentConfig.path("conversation_config").path("agent");
        List<String> missing = new ArrayList<>();
        for (String template : new String[] {prompt != null ? prompt : agent.path("prompt").path("prompt").asText(""),
                first != null ? first : agent.path("first_message").asText("")}) {
            Matcher m = VAR.matcher(template);
            while (m.find()) {
                String name = m.group(1);
                if (!name.startsWith("system__") && !name.startsWith("secret__") && !vars.containsKey(name) && !missing.contains(name)) missing.add(name);
            }
        }
        if (!missing.isEmpty()) throw new Refused("missing_dynamic_variable", "Missing required dynamic variables: " + missing);
        return new Initiation(data, prompt, first, language, textOnly.isBoolean() ? textOnly.asBoolean() : null, vars, extraBody,
                text(data.path("user_id")));
    }

    /** Every non-null leaf of {@code override} must be {@code true} in {@code allowed} at the same path. */
    private static void checkAllowed(JsonNode override, JsonNode allowed, String path) throws Refused {
        if (!override.isObject()) return;
        for (Iterator<Map.Entry<String, JsonNode>> it = override.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String p = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
            JsonNode v = e.getValue();
            if (v.isNull() || p.equals("conversation.text_only")) continue;
            if (v.isObject()) {
                checkAllowed(v, allowed.path(e.getKey()), p);
            } else if (!allowed.path(e.getKey()).asBoolean(false)) {
                throw new Refused("override_error", "Override for field '" + e.getKey() + "' is not allowed by config.");
            }
        }
    }

    /** The data as stored with the conversation: the client's, with all dynamic variables (system ones included). */
    public JsonNode recorded(Map<String, Object> allVariables) {
        ObjectNode copy = raw.isObject() ? ((ObjectNode) raw).deepCopy() : Json.MAPPER.createObjectNode();
        copy.remove("type");
        copy.set("dynamic_variables", Json.MAPPER.valueToTree(allVariables));
        return copy;
    }

    private static Object scalar(JsonNode v) {
        if (v.isBoolean()) return v.asBoolean();
        if (v.isIntegralNumber()) return v.asLong();
        if (v.isNumber()) return v.asDouble();
        return v.asText();
    }

    private static String text(JsonNode n) {
        return n.isTextual() ? n.asText() : null;
    }
}
