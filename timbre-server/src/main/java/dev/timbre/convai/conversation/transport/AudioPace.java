package dev.timbre.convai.conversation.transport;

import java.util.function.LongSupplier;

/**
 * Paces one conversation's user audio: a token bucket in seconds of audio that refills at {@link #RATE} seconds per
 * second of wall time and holds at most {@link #BURST_SECONDS} (full at the start, so a client may send a short
 * recording at once). A chunk that does not fit is dropped whole and counted; so the audio taken in is at most
 * {@code BURST_SECONDS + RATE × elapsed}, and a client sending faster than real time is neither recognised nor
 * recorded beyond that. Not thread-safe: the conversation socket calls it under its own lock.
 */
final class AudioPace {
    /** Audio seconds taken in per second of wall time: about real time, with room for a client's jitter. */
    static final double RATE = 1.2;
    /** Audio seconds a client may send ahead of real time (as much as the early-input buffer keeps). */
    static final double BURST_SECONDS = 10;

    private final LongSupplier nanos;
    private double tokens = BURST_SECONDS;
    private long at;
    private double droppedSeconds;
    private int droppedChunks;

    AudioPace(LongSupplier nanos) {
        this.nanos = nanos;
        this.at = nanos.getAsLong();
    }

    /** Whether a chunk of {@code seconds} of audio may go in now; false: drop it (it is counted). */
    boolean admit(double seconds) {
        long now = nanos.getAsLong();
        tokens = Math.min(BURST_SECONDS, tokens + (now - at) / 1e9 * RATE);
        at = now;
        if (seconds <= tokens) {
            tokens -= seconds;
            return true;
        }
        droppedSeconds += seconds;
        droppedChunks++;
        return false;
    }

    double droppedSeconds() { return droppedSeconds; }

    int droppedChunks() { return droppedChunks; }
}
