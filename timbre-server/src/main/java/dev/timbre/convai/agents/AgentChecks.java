package dev.timbre.convai.agents;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.timbre.http.ApiException;
import dev.timbre.http.Json;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;

/** Shape checks of agent request bodies (422 in the FastAPI list shape); unknown fields are allowed and kept. */
public final class AgentChecks {
    private static final List<String> OBJECTS = List.of("conversation_config", "platform_settings", "workflow");

    private AgentChecks() {}

    /** The body as a JSON object; an empty body is {@code {}} when {@code emptyAllowed}, else 422. */
    public static ObjectNode body(Context ctx, boolean emptyAllowed) {
        String text = ctx.body();
        if (text.isBlank()) {
            if (emptyAllowed) return Json.MAPPER.createObjectNode();
            throw ApiException.invalid("Field required", "missing", "body");
        }
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw ApiException.invalid("JSON decode error", "json_invalid", "body");
        }
        if (node == null || !node.isObject()) throw ApiException.invalid("Input should be a valid dictionary", "dict_type", "body");
        return (ObjectNode) node;
    }

    /** Create and update bodies: {@code conversation_config} is required on create. */
    static void agentBody(ObjectNode body, boolean create) {
        List<ApiException.Violation> v = new ArrayList<>();
        if (create && (body.get("conversation_config") == null || body.get("conversation_config").isNull())) {
            v.add(new ApiException.Violation(List.of("body", "conversation_config"), "Field required", "missing"));
        }
        for (String f : OBJECTS) {
            JsonNode n = body.get(f);
            if (n != null && !n.isNull() && !n.isObject()) {
                v.add(new ApiException.Violation(List.of("body", f), "Input should be a valid dictionary", "dict_type"));
            }
        }
        name(body, v);
        WorkflowChecks.check(body.get("workflow"), v);
        JsonNode tags = body.get("tags");
        if (tags != null && !tags.isNull()) {
            if (!tags.isArray()) {
                v.add(new ApiException.Violation(List.of("body", "tags"), "Input should be a valid list", "list_type"));
            } else {
                for (int i = 0; i < tags.size(); i++) {
                    if (!tags.get(i).isTextual()) v.add(new ApiException.Violation(List.of("body", "tags", i), "Input should be a valid string", "string_type"));
                }
            }
        }
        JsonNode archived = body.path("platform_settings").get("archived");
        if (archived != null && !archived.isNull() && !archived.isBoolean()) {
            v.add(new ApiException.Violation(List.of("body", "platform_settings", "archived"), "Input should be a valid boolean", "bool_type"));
        }
        if (!v.isEmpty()) throw ApiException.validation(v);
    }

    /** The longest agent name (the {@code agents.name} column). */
    static final int MAX_NAME = 1000;

    /** The duplicate body: only an optional {@code name}. */
    static void duplicateBody(ObjectNode body) {
        List<ApiException.Violation> v = new ArrayList<>();
        name(body, v);
        if (!v.isEmpty()) throw ApiException.validation(v);
    }

    private static void name(ObjectNode body, List<ApiException.Violation> v) {
        JsonNode name = body.get("name");
        if (name != null && !name.isNull() && !name.isTextual()) {
            v.add(new ApiException.Violation(List.of("body", "name"), "Input should be a valid string", "string_type"));
        } else if (name != null && name.isTextual() && name.asText().length() > MAX_NAME) {
            v.add(new ApiException.Violation(List.of("body", "name"), "String should have at most " + MAX_NAME + " characters",
                    "string_too_long"));
        }
    }
}
