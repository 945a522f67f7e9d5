package dev.timbre.texttospeech;

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
 * Hands an engine's output to one consuming thread (the request's) through an unbounded queue, so that the engine
 * thread never blocks on a slow client. The engine thread calls the sink methods; the consumer calls {@link #next}.
 */
final class SpeechEvents implements AudioSink {
    sealed interface Event permits Started, Audio, Words, Ended, Failed {}

    record Started(PcmFormat format) implements Event {}

    record Audio(byte[] pcm) implements Event {}

    record Words(List<WordTiming> words) implements Event {}

    record Ended() implements Event {}

    record Failed(EngineException error) implements Event {}

    private final BlockingQueue<Event> queue = new LinkedBlockingQueue<>();

    @Override public void start(PcmFormat format) { queue.add(new Started(format)); }

    @Override public void audio(byte[] pcm, int offset, int length) { queue.add(new Audio(Arrays.copyOfRange(pcm, offset, offset + length))); }

    @Override public void words(List<WordTiming> words) { queue.add(new Words(List.copyOf(words))); }

    @Override public void end() { queue.add(new Ended()); }

    @Override public void error(EngineException e) { queue.add(new Failed(e)); }

    /** The next event, waiting at most {@code timeoutMs}; a stalled engine becomes a {@link Failed} event. */
    Event next(long timeoutMs) throws InterruptedException {
        Event e = queue.poll(timeoutMs, TimeUnit.MILLISECONDS);
        return e != null ? e : new Failed(new EngineException("the engine produced nothing for " + timeoutMs + " ms", null, true));
    }
}
