package dev.timbre.convai.phonecalls;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timbre.http.ApiException;
import dev.timbre.http.ApiException.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The body both outbound-call endpoints take ({@code TwilioOutboundCallRequest}, {@code SIPTrunkOutboundCallRequest}):
 * {@code agent_id}, {@code agent_phone_number_id}, {@code to_number} and the optional
 * {@code conversation_initiation_client_data}.
 *
 * @param toNumber stripped of surrounding white space
 */
public record OutboundCallRequest(String agentId, String phoneNumberId, String toNumber, JsonNode initiation) {

    /**
     * Reads {@code body}: 422 listing every missing or mistyped field, and {@code toNumberRule}'s complaint about the
     * number (a violation, or null when it may be dialed).
     */
    public static OutboundCallRequest read(JsonNode body, Function<String, Violation> toNumberRule) {
        if (body == null || !body.isObject()) throw ApiException.invalid("Input should be a valid dictionary or object", "model_attributes_type", "body");
        List<Violation> errors = new ArrayList<>();
        String agentId = text(body, "agent_id", errors);
        String numberId = text(body, "agent_phone_number_id", errors);
        String to = text(body, "to_number", errors);
        JsonNode initiation = body.get("conversation_initiation_client_data");
        if (initiation != null && !initiation.isNull() && !initiation.isObject()) {
            errors.add(new Violation(List.of("body", "conversation_initiation_client_data"), "Input should be a valid dictionary or object",
                    "model_attributes_type"));
        }
        Violation badNumber = to == null ? null : toNumberRule.apply(to);
        if (badNumber != null) errors.add(badNumber);
        if (!errors.isEmpty()) throw ApiException.validation(errors);
        return new OutboundCallRequest(agentId, numberId, to.strip(), initiation);
    }

    private static String text(JsonNode body, String field, List<Violation> errors) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            errors.add(new Violation(List.of("body", field), "Field required", "missing"));
            return null;
        }
        if (!v.isTextual()) {
            errors.add(new Violation(List.of("body", field), "Input should be a valid string", "string_type"));
            return null;
        }
        return v.asText();
    }
}
