package dev.timbre.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A chat model for agents: streams reply text and tool calls. One instance serves all requests; implementations are
 * thread-safe.
 *
 * <p>Contract of {@link #open}: the listener receives any number of {@link ChatListener#text} deltas and
 * {@link ChatListener#toolCall}s, then exactly one of {@link ChatListener#end} or {@link ChatListener#error}.
 * Callbacks come from one thread at a time (not necessarily the caller's; possibly before {@code open} returns).
 * Closing the {@link ChatStream} cancels the request: after {@code close()} returns no further callbacks are made.
 */
public interface LanguageModel extends AutoCloseable {
    EngineInfo info();

    /** Starts a request; the reply arrives at {@code listener}. Failures to start may be thrown or reported. */
    ChatStream open(ChatRequest request, ChatListener listener);

    /** Blocking: collects the stream into one result. Throws the {@link EngineException} the stream reported. */
    default ChatResult complete(ChatRequest request) {
        StringBuilder text = new StringBuilder();
        List<ToolCall> calls = new ArrayList<>();
        AtomicReference<ChatResult> result = new AtomicReference<>();
        AtomicReference<EngineException> failure = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(1);
        ChatStream stream = open(request, new ChatListener() {
            @Override public void text(String delta) { synchronized (text) { text.append(delta); } }
            @Override public void toolCall(ToolCall call) { synchronized (calls) { calls.add(call); } }
            @Override public void end(FinishReason reason, TokenUsage usage) {
                String t; List<ToolCall> c;
                synchronized (text) { t = text.toString(); }
                synchronized (calls) { c = List.copyOf(calls); }
                result.set(new ChatResult(t, c, reason, usage));
                done.countDown();
            }
            @Override public void error(EngineException e) { failure.set(e); done.countDown(); }
        });
        try {
            done.await();
        } catch (InterruptedException e) {
            stream.close();
            Thread.currentThread().interrupt();
            throw new EngineException("interrupted while waiting for the language model", e, true);
        }
        stream.close();
        if (failure.get() != null) throw failure.get();
        return result.get();
    }

    @Override
    default void close() {}
}
