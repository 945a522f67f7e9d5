package dev.timbre.convai.phonenumbers;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A row of {@code convai_phone_numbers}. {@code provider} is {@code twilio} or {@code sip_trunk}; {@code config} the
 * public trunk settings ({@code inbound_trunk}, {@code outbound_trunk}, each null or in the response shape);
 * {@code secrets} the encrypted JSON of sid/token/passwords. {@code agentId}/{@code agentName} null when unassigned
 * ({@code agentName} is read from the agent, never stored).
 */
public record StoredPhoneNumber(String phoneNumberId, String phoneNumber, String label, String provider, boolean supportsInbound,
                                boolean supportsOutbound, String agentId, String agentName, ObjectNode config, String secrets,
                                long createdAtUnix) {

    public static final String TWILIO = "twilio";
    public static final String SIP_TRUNK = "sip_trunk";
}
