package dev.timbre.engine;

/** Receives one reply of a {@link LanguageModel}: deltas and tool calls, then {@code end} or {@code error}. */
public interface ChatListener {
    /** A piece of reply text, in order. Never empty. */
    void text(String delta);

    /** A complete tool call (arguments fully assembled). */
    default void toolCall(ToolCall call) {}

    /** The reply is complete. {@code usage} may be null when the provider did not report it. */
    void end(FinishReason reason, TokenUsage usage);

    /** The request failed; no further callbacks follow. */
    void error(EngineException e);
}
