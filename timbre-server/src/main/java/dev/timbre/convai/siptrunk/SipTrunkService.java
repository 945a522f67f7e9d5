package dev.timbre.convai.siptrunk;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timbre.common.Ids;
import dev.timbre.convai.agents.AgentsService;
import dev.timbre.convai.phonecalls.OutboundCall;
import dev.timbre.convai.phonecalls.PhoneCalls;
import dev.timbre.convai.phonecalls.PhoneDialer;
import dev.timbre.convai.phonecalls.PlacedCall;
import dev.timbre.convai.phonenumbers.PhoneNumbersService;
import dev.timbre.convai.phonenumbers.StoredPhoneNumber;
import dev.timbre.http.ApiException;
import dev.timbre.http.ApiException.Violation;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code POST /v1/convai/sip-trunk/outbound-call}: checks the body (422 listing each missing or mistyped field), the
 * number (404 {@code phone_number_not_found}; a Twilio number 400 {@code phone_number_provider_mismatch}) and the
 * agent (404 {@code agent_not_found}), then dials through {@link PhoneCalls}. A trunk that refuses is
 * {@code success: false} with its reason, as ElevenLabs answers. Thread-safe; blocks until the trunk has responded.
 */
public final class SipTrunkService {
    private final PhoneNumbersService numbers;
    private final AgentsService agents;
    private final PhoneCalls calls;

    public SipTrunkService(PhoneNumbersService numbers, AgentsService agents, PhoneCalls calls) {
        this.numbers = numbers;
        this.agents = agents;
        this.calls = calls;
    }

    /** {@code SIPTrunkOutboundCallResponse}. */
    public record OutboundCallResponse(boolean success, String message, String conversationId, String sipCallId) {}

    public OutboundCallResponse outboundCall(JsonNode body) {
        if (body == null || !body.isObject()) throw ApiException.invalid("Input should be a valid dictionary or object", "model_attributes_type", "body");
        List<Violation> errors = new ArrayList<>();
        String agentId = text(body, "agent_id", errors);
        String numberId = text(body, "agent_phone_number_id", errors);
        String to = text(body, "to_number", errors);
        JsonNode initiation = body.get("conversation_initiation_client_data");
        if (initiation != null && !initiation.isNull() && !initiation.isObject()) {
            errors.add(new Violation(List.of("body", "conversation_initiation_client_data"), "Input should be a valid dictionary or object", "model_attributes_type"));
        }
        if (to != null && (to.isBlank() || to.length() > 256 || to.chars().anyMatch(c -> c <= ' ' || c == '<' || c == '>' || c == '"'))) {
            errors.add(new Violation(List.of("body", "to_number"), "Value error, to_number must be a phone number or a SIP URI", "value_error"));
        }
        if (!errors.isEmpty()) throw ApiException.validation(errors);
        StoredPhoneNumber from = numbers.stored(numberId);
        if (!from.provider().equals(StoredPhoneNumber.SIP_TRUNK)) {
            throw ApiException.badRequest("phone_number_provider_mismatch", "Phone number " + numberId + " is not a SIP trunk number.");
        }
        if (!Ids.isSafe(agentId)) throw AgentsService.notFound(agentId);
        agents.find(agentId);
        try {
            PlacedCall placed = calls.dial(new OutboundCall(from, agentId, to, initiation, null));
            return new OutboundCallResponse(true, "Outbound call initiated", placed.conversationId(), placed.callId());
        } catch (PhoneDialer.DialFailed e) {
            return new OutboundCallResponse(false, e.getMessage(), null, null);
        }
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
