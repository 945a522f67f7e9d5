package dev.timbre.convai.phonecalls;

/**
 * Places outbound calls for one provider ({@code twilio}: Twilio's REST API; {@code sip_trunk}: an INVITE through
 * the number's outbound trunk). The call's agent conversation starts when the far end answers. Thread-safe;
 * {@link #dial} blocks until the carrier has accepted or refused the request (not until the call is answered).
 */
public interface PhoneDialer {
    /** The provider this dialer serves ({@code StoredPhoneNumber.TWILIO} or {@code SIP_TRUNK}). */
    String provider();

    /**
     * Places {@code call}.
     *
     * @return the conversation id (reserved now, its record appears when the call is answered), the carrier's call id,
     *         and the call's result once it is over (answered and ended, or never answered)
     * @throws DialFailed when the carrier refuses the request (bad number, trunk down, credentials)
     */
    PlacedCall dial(OutboundCall call) throws DialFailed;

    /** The carrier refused to place a call; the message is safe to show the API's caller. */
    final class DialFailed extends Exception {
        public DialFailed(String message) { super(message); }
        public DialFailed(String message, Throwable cause) { super(message, cause); }
    }
}
