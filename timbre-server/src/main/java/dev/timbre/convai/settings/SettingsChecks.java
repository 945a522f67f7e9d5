package dev.timbre.convai.settings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.timbre.http.ApiException;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/** Checks {@code PatchConvAISettingsRequest} and {@code PatchConvAIDashboardSettingsRequest} bodies. */
final class SettingsChecks {
    static final Set<String> LIVEKIT_STACKS = Set.of("standard", "static");
    static final Set<String> WEBHOOK_EVENTS = Set.of("transcript", "audio", "call_initiation_failure");
    static final Set<String> CHART_TYPES = Set.of("call_success", "criteria", "data_collection");

    private SettingsChecks() {}

    static void settings(ObjectNode patch) {
        JsonNode w = patch.get("conversation_initiation_client_data_webhook");
        if (w != null && !w.isNull()) {
            object(w, "conversation_initiation_client_data_webhook");
            string(w.get("url"), true, "conversation_initiation_client_data_webhook", "url");
            JsonNode headers = w.get("request_headers");
            if (headers == null) throw ApiException.invalid("Field required", "missing", "body", "conversation_initiation_client_data_webhook", "request_headers");
            object(headers, "conversation_initiation_client_data_webhook", "request_headers");
        }
        dev.timbre.convai.tools.auth.AuthConnectionChecks.check(patch.get(dev.timbre.convai.tools.auth.AuthConnectionChecks.FIELD));
        JsonNode hooks = patch.get("webhooks");
        if (hooks != null) {
            object(hooks, "webhooks");
            JsonNode id = hooks.get("post_call_webhook_id");
            if (id != null && !id.isNull()) string(id, true, "webhooks", "post_call_webhook_id");
            JsonNode audio = hooks.get("send_audio");
            if (audio != null && !audio.isNull() && !audio.isBoolean()) throw ApiException.invalid("Input should be a valid boolean", "bool_type", "body", "webhooks", "send_audio");
            JsonNode events = hooks.get("events");
            if (events != null) {
                if (!events.isArray()) throw ApiException.invalid("Input should be a valid list", "list_type", "body", "webhooks", "events");
                for (int i = 0; i < events.size(); i++) {
                    if (!WEBHOOK_EVENTS.contains(events.get(i).asText()) || !events.get(i).isTextual()) {
                        throw ApiException.invalid("Input should be 'transcript', 'audio' or 'call_initiation_failure'", "enum", "body", "webhooks", "events", i);
                    }
                }
            }
        }
        JsonNode mcp = patch.get("can_use_mcp_servers");
        if (mcp != null && !mcp.isBoolean()) throw ApiException.invalid("Input should be a valid boolean", "bool_type", "body", "can_use_mcp_servers");
        JsonNode days = patch.get("rag_retention_period_days");
        if (days != null) {
            if (!days.canConvertToExactIntegral()) throw ApiException.invalid("Input should be a valid integer", "int_type", "body", "rag_retention_period_days");
            if (days.asLong() <= 0) throw ApiException.invalid("Input should be greater than 0", "greater_than", "body", "rag_retention_period_days");
            if (days.asLong() > 30) throw ApiException.invalid("Input should be less than or equal to 30", "less_than_equal", "body", "rag_retention_period_days");
        }
        JsonNode stack = patch.get("default_livekit_stack");
        if (stack != null && !(stack.isTextual() && LIVEKIT_STACKS.contains(stack.asText()))) {
            throw ApiException.invalid("Input should be 'standard' or 'static'", "enum", "body", "default_livekit_stack");
        }
    }

    /** Checks the charts and sets each chart's {@code type} where it was left out. */
    static void dashboard(ObjectNode patch) {
        JsonNode charts = patch.get("charts");
        if (charts == null) return;
        if (!charts.isArray()) throw ApiException.invalid("Input should be a valid list", "list_type", "body", "charts");
        for (int i = 0; i < charts.size(); i++) {
            JsonNode c = charts.get(i);
            object(c, "charts", i);
            ObjectNode chart = (ObjectNode) c;
            String type = chart.hasNonNull("type") ? chart.get("type").asText()
                    : chart.has("criteria_id") ? "criteria" : chart.has("data_collection_id") ? "data_collection" : "call_success";
            if (!CHART_TYPES.contains(type) || (chart.hasNonNull("type") && !chart.get("type").isTextual())) {
                throw ApiException.invalid("Input tag '" + type + "' found using 'type' does not match any of the expected tags: "
                        + "'call_success', 'criteria', 'data_collection'", "union_tag_invalid", "body", "charts", i);
            }
            chart.put("type", type);
            string(chart.get("name"), true, "charts", i, type, "name");
            if (type.equals("criteria")) string(chart.get("criteria_id"), true, "charts", i, type, "criteria_id");
            if (type.equals("data_collection")) string(chart.get("data_collection_id"), true, "charts", i, type, "data_collection_id");
        }
    }

    /** Sets the top-level fields of {@code patch} on {@code current}. */
    static void merge(ObjectNode current, ObjectNode patch) {
        for (Iterator<Map.Entry<String, JsonNode>> it = patch.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            current.set(e.getKey(), e.getValue());
        }
    }

    private static void object(JsonNode n, Object... loc) {
        if (!n.isObject()) throw ApiException.invalid("Input should be a valid dictionary or object", "model_attributes_type", prefixed(loc));
    }

    private static void string(JsonNode n, boolean required, Object... loc) {
        if (n == null || n.isNull()) {
            if (required) throw ApiException.invalid("Field required", "missing", prefixed(loc));
            return;
        }
        if (!n.isTextual()) throw ApiException.invalid("Input should be a valid string", "string_type", prefixed(loc));
    }

    private static Object[] prefixed(Object... loc) {
        Object[] all = new Object[loc.length + 1];
        all[0] = "body";
        System.arraycopy(loc, 0, all, 1, loc.length);
        return all;
    }
}
