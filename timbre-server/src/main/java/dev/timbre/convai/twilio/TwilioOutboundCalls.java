package dev.timbre.convai.twilio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.timbre.common.Ids;
import dev.timbre.convai.agents.AgentsService;
import dev.timbre.convai.phonecalls.OutboundCall;
import dev.timbre.convai.phonecalls.PhoneCalls;
import dev.timbre.convai.phonecalls.PhoneDialer;
import dev.timbre.convai.phonecalls.PlacedCall;
import dev.timbre.convai.phonenumbers.PhoneNumbersService;
import dev.timbre.convai.phonenumbers.StoredPhoneNumber;
import dev.timbre.http.ApiException;
import dev.timbre.http.Json;

/**
 * {@code POST /v1/convai/twilio/outbound-call}: checks the body (422 for a missing or mistyped field), the number
 * (404 {@code phone_number_not_found}, 400 when it is not a Twilio number or does not call out) and the agent (404),
 * then dials through {@link PhoneCalls}. Twilio refusing the call is {@code success: false} with its message (the
 * specification's response has no error statuses beyond 422). Thread-safe.
 */
public final class TwilioOutboundCalls {
    private final PhoneNumbersService numbers;
    private final AgentsService agents;
    private final PhoneCalls calls;
    private final TwilioService twilio;

    public TwilioOutboundCalls(PhoneNumbersService numbers, AgentsService agents, PhoneCalls calls, TwilioService twilio) {
        this.numbers = numbers;
        this.agents = agents;
        this.calls = calls;
        this.twilio = twilio;
    }

    /** {@code TwilioOutboundCallResponse}; {@code origin} is where the request reached this server. */
    ObjectNode call(JsonNode body, String origin) {
        if (body == null || !body.isObject()) throw ApiException.invalid("Input should be a valid dictionary or object", "model_attributes_type", "body");
        String agentId = text(body, "agent_id"), numberId = text(body, "agent_phone_number_id"), to = text(body, "to_number");
        JsonNode initiation = body.get("conversation_initiation_client_data");
        if (initiation != null && !initiation.isNull() && !initiation.isObject()) {
            throw ApiException.invalid("Input should be a valid dictionary or object", "model_attributes_type", "body", "conversation_initiation_client_data");
        }
        if (to.isBlank()) throw ApiException.invalid("String should have at least 1 character", "string_too_short", "body", "to_number");
        StoredPhoneNumber from = numbers.stored(numberId);
        if (!from.provider().equals(StoredPhoneNumber.TWILIO)) {
            throw ApiException.badRequest("phone_number_not_twilio", "Phone number " + numberId + " is not a Twilio number.");
        }
        if (!Ids.isSafe(agentId)) throw AgentsService.notFound(agentId);
        agents.find(agentId);
        twilio.noteOrigin(origin);
        ObjectNode r = Json.MAPPER.createObjectNode();
        try {
            PlacedCall placed = calls.dial(new OutboundCall(from, agentId, to.strip(), initiation, null));
            return r.put("success", true).put("message", "Success").put("conversation_id", placed.conversationId()).put("callSid", placed.callId());
        } catch (PhoneDialer.DialFailed e) {
            r.put("success", false).put("message", e.getMessage());
            r.putNull("conversation_id");
            return r.putNull("callSid");
        }
    }

    private static String text(JsonNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) throw ApiException.invalid("Field required", "missing", "body", field);
        if (!v.isTextual()) throw ApiException.invalid("Input should be a valid string", "string_type", "body", field);
        return v.asText();
    }
}
