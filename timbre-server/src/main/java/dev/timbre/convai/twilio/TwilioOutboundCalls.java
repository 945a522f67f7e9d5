package dev.timbre.convai.twilio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.timbre.convai.phonecalls.OutboundCallRequest;
import dev.timbre.convai.phonecalls.OutboundCalls;
import dev.timbre.convai.phonecalls.PhoneDialer;
import dev.timbre.convai.phonecalls.PlacedCall;
import dev.timbre.convai.phonenumbers.StoredPhoneNumber;
import dev.timbre.http.ApiException.Violation;
import dev.timbre.http.Json;
import java.util.List;

/**
 * {@code POST /v1/convai/twilio/outbound-call}: the body ({@link OutboundCallRequest}: 422 for each missing or mistyped
 * field, a blank {@code to_number}), then {@link OutboundCalls} (404 for the number or agent, 400 when it is not a
 * Twilio number or does not call out). Twilio refusing the call is {@code success: false} with its message (the
 * specification's response has no error statuses beyond 422). Thread-safe.
 */
public final class TwilioOutboundCalls {
    private final OutboundCalls calls;
    private final TwilioService twilio;

    public TwilioOutboundCalls(OutboundCalls calls, TwilioService twilio) {
        this.calls = calls;
        this.twilio = twilio;
    }

    /** {@code TwilioOutboundCallResponse}; {@code origin} is where the request reached this server. */
    ObjectNode call(JsonNode body, String origin) {
        OutboundCallRequest request = OutboundCallRequest.read(body, to -> to.isBlank()
                ? new Violation(List.of("body", "to_number"), "String should have at least 1 character", "string_too_short") : null);
        twilio.noteOrigin(origin); // the stream Twilio opens comes back here
        ObjectNode r = Json.MAPPER.createObjectNode();
        try {
            PlacedCall placed = calls.place(request, StoredPhoneNumber.TWILIO, "phone_number_not_twilio", "a Twilio");
            return r.put("success", true).put("message", "Success").put("conversation_id", placed.conversationId()).put("callSid", placed.callId());
        } catch (PhoneDialer.DialFailed e) {
            r.put("success", false).put("message", e.getMessage());
            r.putNull("conversation_id");
            return r.putNull("callSid");
        }
    }
}
