package dev.timbre.telephony;

/**
 * Receives what a {@link PhoneLine} hears. Calls come from the line's receive thread, one at a time, in order; they
 * must not block for long. {@link #ended} is the last call, exactly once.
 */
public interface LineListener {
    /** The caller's audio: μ-law 8 kHz, usually one 20 ms frame, gaps (lost packets) already filled. */
    void audio(byte[] ulaw);

    /** The caller pressed a key (0–9, *, #, A–D), once per press. */
    default void digit(char digit) {}

    /** The call is over: the far end hung up, the media stopped, the line was hung up or transferred. */
    void ended(String reason);
}
