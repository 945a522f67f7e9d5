package dev.timbre.convai.conversations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.timbre.http.Json;
import java.util.Objects;
import java.util.Set;

/**
 * A phone call's {@code metadata.phone_call} on the conversation record: {@code ConversationHistoryTwilioPhoneCallModel}
 * or {@code ConversationHistorySIPTrunkingPhoneCallModel}. Immutable.
 *
 * @param direction {@code inbound} or {@code outbound}
 * @param phoneNumberId the imported number ({@code phnum_…}) the call is on
 * @param agentNumber the agent's number (the called number inbound, the caller id outbound)
 * @param externalNumber the other party's number
 * @param type {@code twilio} or {@code sip_trunking}
 * @param callSid Twilio's call SID, or the SIP {@code Call-ID}
 * @param streamSid Twilio's media stream SID; null on SIP trunks (not in their model)
 */
public record PhoneCallRecord(String direction, String phoneNumberId, String agentNumber, String externalNumber, String type,
                              String callSid, String streamSid) {
    public static final Set<String> TYPES = Set.of("twilio", "sip_trunking");
    public static final Set<String> DIRECTIONS = Set.of("inbound", "outbound");

    public PhoneCallRecord {
        if (!DIRECTIONS.contains(direction)) throw new IllegalArgumentException("direction must be inbound or outbound: " + direction);
        if (!TYPES.contains(type)) throw new IllegalArgumentException("type must be twilio or sip_trunking: " + type);
        phoneNumberId = Objects.requireNonNullElse(phoneNumberId, "");
        agentNumber = Objects.requireNonNullElse(agentNumber, "");
        externalNumber = Objects.requireNonNullElse(externalNumber, "");
        callSid = Objects.requireNonNullElse(callSid, "");
        streamSid = type.equals("twilio") ? Objects.requireNonNullElse(streamSid, "") : null;
    }

    /**
     * The record of a call a {@code PhoneLine} carries: {@code provider} as the phone number's ({@code twilio} or
     * {@code sip_trunk}), numbers as {@code CallInfo}'s {@code from}/{@code to} (the agent's number is {@code to}
     * inbound, {@code from} outbound); a direction other than {@code outbound} is {@code inbound}.
     */
    public static PhoneCallRecord of(String provider, String direction, String phoneNumberId, String from, String to,
                                     String callId, String streamId) {
        boolean inbound = !"outbound".equals(direction);
        return new PhoneCallRecord(inbound ? "inbound" : "outbound", phoneNumberId, inbound ? to : from, inbound ? from : to,
                "twilio".equals(provider) ? "twilio" : "sip_trunking", callId, streamId);
    }

    /** The API's shape. */
    public ObjectNode json() {
        ObjectNode n = Json.MAPPER.createObjectNode();
        n.put("direction", direction).put("phone_number_id", phoneNumberId).put("agent_number", agentNumber)
                .put("external_number", externalNumber).put("type", type);
        if (streamSid != null) n.put("stream_sid", streamSid);
        n.put("call_sid", callSid);
        return n;
    }

    /** From {@link #json()}'s shape; null for null/missing. */
    static PhoneCallRecord read(JsonNode n) {
        if (n == null || !n.isObject()) return null;
        return new PhoneCallRecord(n.path("direction").asText(), n.path("phone_number_id").asText(""), n.path("agent_number").asText(""),
                n.path("external_number").asText(""), n.path("type").asText(), n.path("call_sid").asText(""),
                n.path("stream_sid").asText(null));
    }
}
