package dev.timbre.convai.siptrunk;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timbre.convai.phonecalls.OutboundCallRequest;
import dev.timbre.convai.phonecalls.OutboundCalls;
import dev.timbre.convai.phonecalls.PhoneDialer;
import dev.timbre.convai.phonecalls.PlacedCall;
import dev.timbre.convai.phonenumbers.StoredPhoneNumber;
import dev.timbre.http.ApiException.Violation;
import java.util.List;

/**
 * {@code POST /v1/convai/sip-trunk/outbound-call}: the body ({@link OutboundCallRequest}: 422 listing each missing or
 * mistyped field; {@code to_number} a phone number or SIP URI), then {@link OutboundCalls} (404 for the number or agent;
 * a Twilio number 400 {@code phone_number_provider_mismatch}). A trunk that refuses is {@code success: false} with its
 * reason, as ElevenLabs answers. Thread-safe; blocks until the trunk has responded.
 */
public final class SipTrunkService {
    private final OutboundCalls calls;

    public SipTrunkService(OutboundCalls calls) {
        this.calls = calls;
    }

    /** {@code SIPTrunkOutboundCallResponse}. */
    public record OutboundCallResponse(boolean success, String message, String conversationId, String sipCallId) {}

    public OutboundCallResponse outboundCall(JsonNode body) {
        OutboundCallRequest request = OutboundCallRequest.read(body, SipTrunkService::checkToNumber);
        try {
            PlacedCall placed = calls.place(request, StoredPhoneNumber.SIP_TRUNK, "phone_number_provider_mismatch", "a SIP trunk");
            return new OutboundCallResponse(true, "Outbound call initiated", placed.conversationId(), placed.callId());
        } catch (PhoneDialer.DialFailed e) {
            return new OutboundCallResponse(false, e.getMessage(), null, null);
        }
    }

    /** A number or SIP URI goes into a Request-URI and a To header: no white space, quotes or angle brackets. */
    private static Violation checkToNumber(String to) {
        if (!to.isBlank() && to.length() <= 256 && to.chars().noneMatch(c -> c <= ' ' || c == '<' || c == '>' || c == '"')) return null;
        return new Violation(List.of("body", "to_number"), "Value error, to_number must be a phone number or a SIP URI", "value_error");
    }
}
