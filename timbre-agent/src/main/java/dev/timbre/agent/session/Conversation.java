package dev.timbre.agent.session;

import java.time.Duration;

/**
 * A running conversation as its transport sees it: a text {@link ConversationSession} or a voice conversation that
 * wraps one. All methods are thread-safe and return at once; outputs go to the {@link SessionListener} given at
 * construction.
 */
public interface Conversation {
    /** Starts the call after {@code delay} (the transport's pause after its metadata); inputs before then wait. */
    void start(Duration delay);

    /** Hands an input to the conversation (any thread). */
    void receive(Frame.Input input);

    /** The user side is gone (e.g. the client closed): ends without sending anything more. */
    void hangUp(String reason, int closeCode);

    /** Ends the call on a transport error: an error event, then the end. */
    void fail(int code, String errorType, String message);
}
