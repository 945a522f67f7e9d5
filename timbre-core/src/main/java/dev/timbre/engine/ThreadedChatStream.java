package dev.timbre.engine;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A {@link ChatStream} whose work runs on its own daemon thread. Subclasses implement {@link #run()} and report
 * through {@link #emitText}, {@link #emitToolCall}, {@link #emitEnd}; an exception thrown by {@code run} becomes
 * {@code error} (an {@link EngineException} as is, anything else wrapped, not retryable). Guarantees the
 * {@link LanguageModel#open} contract: one terminal callback, nothing after {@link #close()}.
 */
public abstract class ThreadedChatStream implements ChatStream {
    private final ChatListener listener;
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final Object lock = new Object();
    private boolean finished;
    private Thread thread;

    protected ThreadedChatStream(ChatListener listener) {
        this.listener = java.util.Objects.requireNonNull(listener, "listener");
    }

    /** Starts the worker thread; returns this. */
    public ThreadedChatStream start(String threadName) {
        Thread t = new Thread(OutboundTrace.carrying(this::work), threadName); // the caller's trace: its HTTP calls are children
        t.setDaemon(true);
        synchronized (lock) { thread = t; }
        t.start();
        return this;
    }

    /** The request: stream the reply; return normally only after {@link #emitEnd} (else an error is reported). */
    protected abstract void run() throws Exception;

    /** Called once from {@link #close()} (any thread): release what {@link #run()} blocks on. */
    protected void onCancel() {}

    protected final boolean cancelled() { return cancelled.get(); }

    private void work() {
        try {
            run();
            synchronized (lock) {
                if (!finished && !cancelled.get()) emitError(new EngineException("language model stream ended without a result", null, true));
            }
        } catch (EngineException e) {
            emitError(e);
        } catch (InterruptedException e) {
            emitError(new EngineException("interrupted", e, true));
        } catch (Exception e) {
            emitError(new EngineException(e.getClass().getSimpleName() + ": " + e.getMessage(), e, false));
        }
    }

    protected final void emitText(String delta) {
        if (delta == null || delta.isEmpty()) return;
        synchronized (lock) { if (!finished && !cancelled.get()) listener.text(delta); }
    }

    protected final void emitToolCall(ToolCall call) {
        synchronized (lock) { if (!finished && !cancelled.get()) listener.toolCall(call); }
    }

    protected final void emitEnd(FinishReason reason, TokenUsage usage) {
        synchronized (lock) {
            if (finished || cancelled.get()) return;
            finished = true;
            listener.end(reason, usage);
        }
    }

    protected final void emitError(EngineException e) {
        synchronized (lock) {
            if (finished || cancelled.get()) return;
            finished = true;
            listener.error(e);
        }
    }

    @Override
    public final void close() {
        if (!cancelled.compareAndSet(false, true)) return;
        try { onCancel(); } catch (RuntimeException ignored) { }
        Thread t;
        synchronized (lock) { t = thread; } // waits for a callback in progress to return
        if (t != null && t != Thread.currentThread()) t.interrupt();
    }
}
