package dev.timbre.telephony.sip;

import dev.timbre.telephony.CallInfo;
import dev.timbre.telephony.PhoneLine;

/**
 * Decides who answers an incoming INVITE (implemented above the SIP layer: the imported numbers and their agents).
 * Called on a SIP worker thread; may block briefly (a database look-up).
 */
public interface SipInbound {
    /**
     * The route for a call to {@code info.to()} (the Request-URI's user part, else the To header's) arriving from
     * {@code source} (the IP address the INVITE came from); null when no number here answers it (SIP 404).
     */
    Route route(CallInfo info, String source);

    /**
     * A number that answers.
     *
     * @param username the user name a caller must authenticate as (digest, SIP 401 challenge); null for none
     * @param password its password (null with {@code username})
     * @param answer starts the call on the line (opening it); runs before Timbre's 200 OK
     * @param transfers the trunk a warm transfer of this call dials through ({@code to} is ignored; the call's number
     *        is the usual {@code from}); null: the caller's own peer (its Contact), over the INVITE's transport
     */
    record Route(String username, String password, Answer answer, OutboundInvites.Dial transfers) {
        public Route(String username, String password, Answer answer) { this(username, password, answer, null); }
    }

    /** Starts a call on an answered line. */
    interface Answer {
        /** Starts the call and opens {@code line}; throws {@link Rejected} to refuse it (the line is then dropped unopened). */
        void answer(PhoneLine line) throws Rejected;
    }

    /** The call cannot be run: {@code status} is the SIP final response (486 busy, 503 unavailable). */
    final class Rejected extends Exception {
        private final int status;

        public Rejected(int status, String message) {
            super(message);
            this.status = status;
        }

        public int status() { return status; }
    }
}
