package dev.timbre.texttospeech;

import dev.timbre.http.ApiException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Bounds the syntheses that run at once (text to speech, dialogue, sockets): a request takes a slot for its whole
 * synthesis, waiting in arrival order when all are taken; when {@code queue} requests are already waiting, the next
 * one is refused at once with 429 {@code too_many_concurrent_requests} and a {@code Retry-After}, so no request waits
 * unboundedly and none times out. Thread-safe; one instance per server.
 */
public final class SynthesisSlots {
    private final Semaphore slots;
    private final int queue;
    private final AtomicInteger waiting = new AtomicInteger();

    public SynthesisSlots(int concurrent, int queue) {
        if (concurrent < 1 || queue < 0) throw new IllegalArgumentException("need at least one slot and a queue of 0 or more");
        this.slots = new Semaphore(concurrent, true);
        this.queue = queue;
    }

    /** A held slot; closing it gives the slot back. */
    public interface Slot extends AutoCloseable {
        @Override
        void close();
    }

    /** Takes a slot, waiting behind earlier requests; throws the 429 when the queue is full. */
    public Slot take() throws InterruptedException {
        if (!slots.tryAcquire()) {
            if (waiting.incrementAndGet() > queue) {
                waiting.decrementAndGet();
                throw ApiException.busy("too_many_concurrent_requests",
                        "The server is synthesising as much as it can and " + queue + " requests are already waiting. Retry shortly.", 1);
            }
            try {
                slots.acquire();
            } finally {
                waiting.decrementAndGet();
            }
        }
        return slots::release;
    }

    /** Requests waiting for a slot now. */
    public int waiting() {
        return waiting.get();
    }
}
