package dev.timbre.telephony;

/**
 * One live phone call's media and control as the agent side sees it, whatever carries it (a Twilio Media Stream, a
 * SIP dialog with RTP). Audio both ways is G.711 μ-law at 8 kHz ({@link #FRAME_BYTES} bytes per 20 ms frame).
 * Every method is thread-safe and returns at once; the line does its network work on its own threads.
 */
public interface PhoneLine {
    /** μ-law bytes in one 20 ms frame at 8 kHz. */
    int FRAME_BYTES = 160;

    /** Who called whom, over what, and the carrier's ids. */
    CallInfo info();

    /** Starts delivering the caller's audio and events to {@code listener}; called once, before any other method below. */
    void open(LineListener listener);

    /**
     * Queues agent audio (μ-law 8 kHz, any length). The line sends it at the pace of real time (a small lead at most),
     * so what has been sent is what the caller has heard, give or take the lead.
     */
    void play(byte[] ulaw);

    /** Drops the queued agent audio the caller has not heard yet (barge-in). */
    void clear();

    /** Milliseconds of agent audio the caller has heard since the line opened (what was played, not what was queued). */
    long playedMillis();

    /**
     * Sends DTMF {@code digits} (0–9, *, #, A–D; {@code w} waits 0.5 s) to the far end after the queued audio:
     * RFC 4733 events on SIP, the {@code <Play digits>} of Twilio.
     */
    void sendDigits(String digits);

    /**
     * Hands the caller to {@code number} (E.164 or a SIP URI): SIP REFER, Twilio {@code <Dial>}. The line ends
     * ({@link LineListener#ended}) once the carrier has taken the transfer.
     *
     * @throws TransferFailed when the carrier refuses it (the call goes on)
     */
    void transfer(String number) throws TransferFailed;

    /**
     * Warm ("conference") transfer: calls {@code destination} (E.164 or a SIP URI) while the caller stays on this line;
     * when it answers, the person there hears {@code message} first (the caller does not), then the caller and that
     * person are connected and the agent side is off the call: this line ends ({@link LineListener#ended}, "transferred
     * to …") while the two parties talk on, and {@link #hangUp} no longer touches them. Blocks until they are connected
     * or the attempt failed, at most the carrier's ring timeout (about 30 s) plus the message; call it off the line's
     * and the agent's loop threads.
     *
     * @return the carrier's name for the joined call (Twilio's conference name), or null where there is none (SIP)
     * @throws TransferFailed the destination was busy, refused, did not answer in time, hung up before being
     *         connected, or the caller hung up meanwhile; the line is then as before (the agent keeps the caller,
     *         unless the caller left)
     */
    default String conference(String destination, OperatorMessage message) throws TransferFailed {
        throw new TransferFailed("this line cannot make conference transfers");
    }

    /**
     * Hangs up (SIP BYE, Twilio call completed) once the audio already sent has played out (the line's small lead);
     * idempotent. {@link LineListener#ended} follows. The agent side calls it after the conversation's last words have
     * played, so nothing the caller should hear is cut.
     */
    void hangUp();

    /** A transfer the carrier refused or could not be asked for. */
    final class TransferFailed extends Exception {
        public TransferFailed(String message) { super(message); }
    }
}
