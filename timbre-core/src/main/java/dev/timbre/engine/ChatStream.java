package dev.timbre.engine;

/** A reply in progress. {@link #close()} cancels it (idempotent); no callbacks follow once it returns. */
public interface ChatStream extends AutoCloseable {
    @Override
    void close();
}
