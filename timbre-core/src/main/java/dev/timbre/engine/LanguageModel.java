package dev.timbre.engine;

import java.util.List;
import java.util.function.Consumer;

/** A chat model that streams its reply. Implementations are thread-safe. */
public interface LanguageModel extends AutoCloseable {
    EngineInfo info();

    /** Streams reply text deltas to {@code deltas} and returns the whole reply once it is complete. */
    String chat(List<Message> messages, Consumer<String> deltas);

    @Override
    default void close() {}

    record Message(String role, String content) {}
}
