package dev.timbre.engine;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs a blocking synthesis on its own daemon thread and guards the sink: once {@link #close()} has returned the sink
 * receives nothing more except a call already past the guard at that moment (close never waits for the sink, which may
 * block), and it always receives exactly one of {@code end} or {@code error}.
 */
public final class ThreadedSpeechStream implements SpeechStream {

    /** The blocking work. It should check {@code cancelled} between chunks and return early when it is set. */
    @FunctionalInterface
    public interface Work {
        void run(AudioSink sink, AtomicBoolean cancelled) throws Exception;
    }

    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final CountDownLatch done = new CountDownLatch(1);

    private ThreadedSpeechStream() {}

    public static SpeechStream start(String name, AudioSink sink, Work work) {
        ThreadedSpeechStream stream = new ThreadedSpeechStream();
        AudioSink guarded = stream.guard(sink);
        Thread t = new Thread(OutboundTrace.carrying(() -> { // the caller's trace: the stream's HTTP calls are its children
            try {
                work.run(guarded, stream.cancelled);
                guarded.end();
            } catch (EngineException e) {
                guarded.error(e);
            } catch (Exception | LinkageError e) {
                guarded.error(new EngineException(name + " failed: " + e.getMessage(), e, false));
            } finally {
                stream.done.countDown();
            }
        }), name);
        t.setDaemon(true);
        t.start();
        return stream;
    }

    private AudioSink guard(AudioSink sink) {
        AtomicBoolean finished = new AtomicBoolean();
        return new AudioSink() {
            @Override public void start(dev.timbre.audio.PcmFormat f) { if (!cancelled.get()) sink.start(f); }
            @Override public void audio(byte[] b, int o, int l) { if (!cancelled.get()) sink.audio(b, o, l); }
            @Override public void words(java.util.List<WordTiming> w) { if (!cancelled.get()) sink.words(w); }
            @Override public void end() { if (finished.compareAndSet(false, true)) sink.end(); }
            @Override public void error(EngineException e) { if (finished.compareAndSet(false, true)) sink.error(e); }
        };
    }

    @Override
    public void await() throws InterruptedException { done.await(); }

    @Override
    public void close() { cancelled.set(true); }
}
