package dev.timbre.telephony;

import java.util.Map;

/**
 * What a carrier tells about a call.
 *
 * @param provider {@code twilio} or {@code sip_trunk} (the phone number's provider)
 * @param direction {@code inbound} or {@code outbound}
 * @param callId Twilio's call SID, or the SIP {@code Call-ID}
 * @param streamId Twilio's stream SID; null on SIP
 * @param from the caller's number (E.164 when the carrier gives one; a SIP user part otherwise)
 * @param to the called number, as {@code from}
 * @param parameters carrier-supplied extras: Twilio's stream {@code customParameters}, selected SIP {@code X-} headers
 */
public record CallInfo(String provider, String direction, String callId, String streamId, String from, String to,
                       Map<String, String> parameters) {
    public CallInfo {
        parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
    }

    public boolean inbound() { return "inbound".equals(direction); }
}
