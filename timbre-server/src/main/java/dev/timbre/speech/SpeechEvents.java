package dev.timbre.speech;

import dev.timbre.audio.PcmFormat;
import dev.timbre.engine.AudioSink;
import dev.timbre.engine.EngineException;
import dev.timbre.engine.WordTiming;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Hands an engine's output to one consuming thread (the request's) through a bounded queue: an engine that runs more
 * than {@link #CAPACITY} events ahead of its consumer waits, which keeps a stream that is far ahead of its listener
 * from taking CPU from streams that have not started. The engine thread calls the sink methods; the consumer calls
 * {@link #next} and, when it stops consuming, {@link #close}, which releases a waiting engine thread.
 */
final class SpeechEvents implements AudioSink, AutoCloseable {
    /**
     * Two events (about 0.1–0.2 s of audio in the 100 ms chunks engines deliver): a run that pauses (see
     * {@link SpeechScheduler}) stops its engine after this much more work.
     */
    static final int CAPACITY = 2;
    sealed interface Event permits Started, Audio, Words, Ended, Failed {}

    record Started(PcmFormat format) implements Event {}

    record Audio(byte[] pcm) implements Event {}

    record Words(List<WordTiming> words) implements Event {}

    record Ended() implements Event {}

    record Failed(EngineException error) implements Event {}

    private final BlockingQueue<Event> queue = new LinkedBlockingQueue<>(CAPACITY);
    private volatile boolean closed;

    @Override public void start(PcmFormat format) { put(new Started(format)); }

    @Override public void audio(byte[] pcm, int offset, int length) { put(new Audio(Arrays.copyOfRange(pcm, offset, offset + length))); }

    @Override public void words(List<WordTiming> words) { put(new Words(List.copyOf(words))); }

    @Override public void end() { put(new Ended()); }

    @Override public void error(EngineException e) { put(new Failed(e)); }

    /** Waits for room; gives up (dropping the event) once the consumer has closed. */
    private void put(Event e) {
        try {
            while (!closed && !queue.offer(e, 100, TimeUnit.MILLISECONDS)) { /* the consumer is behind: wait */ }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The consumer is done: pending and future events are dropped, a waiting engine thread returns, and a consumer
     * waiting in {@link #next} (another thread) wakes with a failure. Idempotent.
     */
    @Override
    public void close() {
        closed = true;
        queue.clear();
        queue.offer(new Failed(new EngineException("the synthesis was closed", null, false)));
    }

    /** The next event, waiting at most {@code timeoutMs}; a stalled engine becomes a {@link Failed} event. */
    Event next(long timeoutMs) throws InterruptedException {
        Event e = queue.poll(timeoutMs, TimeUnit.MILLISECONDS);
        return e != null ? e : new Failed(new EngineException("the engine produced nothing for " + timeoutMs + " ms", null, true));
    }
}
