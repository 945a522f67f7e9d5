package dev.timbre.audio;

/**
 * The limits of one decode in progress: duration, the budget in decoded bytes (frames × channels × 2 at the source
 * rate) and a deadline. Decoders call {@link #check} with the header's claims before allocating and again as frames
 * arrive, so neither a lying header nor a slow input can exhaust memory or hold a thread. One per decode; not shared
 * between threads.
 */
final class DecodeLimit {
    private final double maxSeconds;
    private final long maxDecodedBytes;
    private final long timeoutNanos;
    private final long deadline; // System.nanoTime()

    DecodeLimit(double maxSeconds, long maxDecodedBytes, long timeoutNanos) {
        this.maxSeconds = maxSeconds;
        this.maxDecodedBytes = maxDecodedBytes;
        this.timeoutNanos = timeoutNanos;
        this.deadline = System.nanoTime() + timeoutNanos;
    }

    static DecodeLimit start(DecodeLimits l) { return new DecodeLimit(l.maxSeconds(), l.maxDecodedBytes(), l.timeout().toNanos()); }

    /** The most frames of {@code channels} channels allowed at {@code rate} Hz (duration and byte budget). */
    long maxFrames(int rate, int channels) {
        return Math.min((long) Math.floor(maxSeconds * rate), maxDecodedBytes / (2L * Math.max(1, channels)));
    }

    /**
     * Throws {@link AudioFormatException.Kind#TOO_LONG} or {@link AudioFormatException.Kind#TOO_LARGE} when
     * {@code frames} frames of {@code channels} channels at {@code rate} Hz pass a limit, and
     * {@link AudioFormatException.Kind#TIMEOUT} past the deadline.
     */
    void check(long frames, int rate, int channels) {
        if (frames < 0 || frames > (long) Math.floor(maxSeconds * rate)) throw tooLong();
        if (frames > maxDecodedBytes / (2L * Math.max(1, channels))) {
            throw new AudioFormatException(AudioFormatException.Kind.TOO_LARGE, "audio decodes to " + frames + " frames × " + channels
                    + " channels × 2 bytes; the limit is " + maxDecodedBytes + " decoded bytes");
        }
        checkDeadline();
    }

    void checkDeadline() {
        if (System.nanoTime() - deadline > 0) throw timedOut();
    }

    /** Nanoseconds left before the deadline (at least 0). */
    long remainingNanos() { return Math.max(0, deadline - System.nanoTime()); }

    AudioFormatException tooLong() {
        return new AudioFormatException(AudioFormatException.Kind.TOO_LONG, "audio is longer than the limit of " + maxSeconds + " seconds");
    }

    AudioFormatException timedOut() {
        return new AudioFormatException(AudioFormatException.Kind.TIMEOUT, "decoding took longer than the limit of "
                + timeoutNanos / 1_000_000_000.0 + " seconds");
    }
}
