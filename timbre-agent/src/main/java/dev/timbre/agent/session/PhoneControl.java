package dev.timbre.agent.session;

/**
 * What a phone call's transport lets the agent do to the call, beyond speaking: the call-only system tools
 * ({@code transfer_to_number}, {@code play_keypad_touch_tone}; {@code voicemail_detection} and {@code end_call} only
 * end the session, and the transport hangs up on {@link SessionListener#ended}). A phone transport returns one from
 * {@link SessionListener#phone()}; every other conversation has none, and these tools answer the LLM with an error.
 *
 * <p>Ordering: the session calls these only once the caller has heard everything the agent said before (a transfer's
 * {@code client_message}, the words before a keypad tone): a voice conversation waits for its speech to be played
 * ({@link SessionListener#afterSpeech}), so an implementation acts at once.
 *
 * <p>Threading: {@link #provider} and {@link #sendDigits} are called on the session's loop thread and must return at
 * once; {@link #transfer} blocks and is called on the loop's blocking pool, never on the loop.
 */
public interface PhoneControl {
    /** The call's carrier: {@code twilio} or {@code sip_trunk}; it names the tool results' {@code result_type}. */
    String provider();

    /**
     * Hands the caller to {@code destination} and returns once the carrier has taken the transfer; the session then
     * ends (termination reason {@code "Call transferred to <destination>."}) and its end must not hang the line up
     * over the transfer. The line's own end that the transfer causes is the session's end, not a caller hang-up: the
     * transport should not report it to the conversation while this runs or after it returned.
     *
     * @param destination the matched rule's {@code transfer_destination}: an E.164 number or a {@code sip:}/{@code sips:} URI
     * @param transferType the rule's {@code transfer_type}: {@code conference} (warm, the default: the caller, who
     *        heard the {@code client_message}, waits on the line while the destination is called; whoever answers
     *        hears {@code agentMessage} in the agent's voice, then is joined with the caller and the agent leaves),
     *        {@code sip_refer} or {@code blind} (cold: the carrier hands the caller over). An implementation that
     *        cannot do a type (SIP REFER on a Twilio call) throws {@link Failed}.
     * @param agentMessage the tool's {@code agent_message} for the person answering a conference transfer; may be
     *        empty (nothing is said to them)
     * @return the carrier's conference name for a conference transfer that has one (Twilio), else null
     * @throws Failed the carrier refused or could not be asked; the call goes on and the LLM hears why. The session
     *         waits as long as this blocks (the tool's turn stays open), so an implementation gives up within its
     *         carrier's own timeout.
     */
    String transfer(String destination, String transferType, String agentMessage) throws Failed;

    /**
     * Sends DTMF {@code digits} to the far end after the agent audio already queued on the line: characters
     * {@code 0-9 * #}, {@code w} (wait 0.5 s) and {@code W} (wait 1 s), already validated.
     */
    void sendDigits(String digits);

    /** A transfer the carrier refused; its message goes to the LLM. */
    final class Failed extends Exception {
        public Failed(String message) { super(message); }
    }
}
