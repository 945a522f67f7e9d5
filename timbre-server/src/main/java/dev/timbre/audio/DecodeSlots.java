package dev.timbre.audio;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Bounds how many decodes run at once. A decode beyond {@code permits} waits up to {@code wait} for a slot and is then
 * refused with {@link AudioFormatException.Kind#BUSY}, so a burst of uploads queues briefly instead of exhausting the
 * CPUs and memory. Thread-safe. {@link #SHARED} is the server's one bound, shared by every decoder built on
 * {@link DecodeLimits#CONFIGURED}.
 */
final class DecodeSlots {
    static final DecodeSlots SHARED = new DecodeSlots(DecodeLimits.CONFIGURED.concurrency(), DecodeLimits.CONFIGURED.queueWait());

    private final Semaphore permits;
    private final int size;
    private final Duration wait;

    DecodeSlots(int permits, Duration wait) {
        this.permits = new Semaphore(permits, true);
        this.size = permits;
        this.wait = wait;
    }

    /** Runs {@code decode} in a slot; BUSY when none frees within the wait, the thread's interrupt kept. */
    <T> T run(Supplier<T> decode) {
        try {
            if (!permits.tryAcquire(wait.toNanos(), TimeUnit.NANOSECONDS)) throw busy();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw busy();
        }
        try {
            return decode.get();
        } finally {
            permits.release();
        }
    }

    private AudioFormatException busy() {
        return new AudioFormatException(AudioFormatException.Kind.BUSY, "the server is already decoding " + size
                + " audio files; try again shortly");
    }
}
