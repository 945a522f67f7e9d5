package dev.timbre.engine;

/** A synthesis in progress. Closing it cancels the work; the sink then gets no further audio. */
public interface SpeechStream extends AutoCloseable {
    /** Blocks until the sink has seen {@code end} or {@code error}. */
    void await() throws InterruptedException;

    @Override
    void close();
}
