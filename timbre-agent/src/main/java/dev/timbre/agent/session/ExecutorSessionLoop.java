package dev.timbre.agent.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The production {@link SessionLoop}: one daemon thread per session (a single-thread scheduled executor) and the
 * wall clock. Blocking tasks run on a shared pool of daemon threads. A task that throws is reported to the
 * uncaught-exception handler given at construction and the loop goes on.
 */
public final class ExecutorSessionLoop implements SessionLoop {
    private static final AtomicLong THREADS = new AtomicLong();
    private static final ExecutorService BLOCKING = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "agent-tool-" + THREADS.incrementAndGet());
        t.setDaemon(true);
        return t;
    });

    private final ScheduledExecutorService executor;
    private final Clock clock;
    private final java.util.function.Consumer<RuntimeException> onFailure;

    /** @param onFailure called on the loop thread with what a task threw */
    public ExecutorSessionLoop(String name, Clock clock, java.util.function.Consumer<RuntimeException> onFailure) {
        this.clock = clock;
        this.onFailure = onFailure;
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "agent-session-" + name);
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public void execute(Runnable task) {
        try {
            executor.execute(() -> guarded(task));
        } catch (RejectedExecutionException e) {
            // shut down: the session is over
        }
    }

    @Override
    public Timer schedule(Duration delay, Runnable task) {
        try {
            ScheduledFuture<?> f = executor.schedule(() -> guarded(task), Math.max(0, delay.toNanos()), TimeUnit.NANOSECONDS);
            return () -> f.cancel(false);
        } catch (RejectedExecutionException e) {
            return () -> {};
        }
    }

    @Override
    public Instant now() { return clock.instant(); }

    @Override
    public void executeBlocking(Runnable task) {
        BLOCKING.execute(task);
    }

    @Override
    public void shutdown() { executor.shutdownNow(); }

    private void guarded(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            onFailure.accept(e);
        }
    }
}
