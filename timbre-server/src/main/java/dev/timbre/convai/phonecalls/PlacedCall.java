package dev.timbre.convai.phonecalls;

import java.util.concurrent.CompletableFuture;

/**
 * A call the carrier accepted.
 *
 * @param conversationId the agent conversation of the call (its record appears once the call is answered)
 * @param callId Twilio's call SID or the SIP {@code Call-ID}
 * @param finished completes once the call is over, never exceptionally
 */
public record PlacedCall(String conversationId, String callId, CompletableFuture<CallResult> finished) {

    /**
     * How a call ended.
     *
     * @param outcome {@code completed} (answered, then ended), {@code voicemail} (answered by a machine),
     *        {@code no_answer}, {@code busy} or {@code failed}
     * @param reason a human-readable detail (the SIP status, Twilio's call status, the conversation's end)
     */
    public record CallResult(String outcome, String reason) {
        public boolean answered() { return outcome.equals("completed") || outcome.equals("voicemail"); }
    }
}
