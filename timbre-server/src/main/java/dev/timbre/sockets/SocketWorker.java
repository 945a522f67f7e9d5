package dev.timbre.sockets;

import dev.timbre.common.WorkerPools;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * One socket's work queue: a daemon thread of its own runs queued work in order, one piece at a time, while the
 * socket's {@link InactivityClock} counts it as busy. Work is skipped once {@code live} turns false; a failure goes
 * to {@code onFailure} on the worker thread (the socket maps it to its protocol's error and close). Work queued after
 * {@link #shutdown} is dropped silently.
 */
public final class SocketWorker {
    /** A piece of work; may throw (an {@link java.io.IOException} usually means the client has gone). */
    public interface Work {
        void run() throws Exception;
    }

    private final ExecutorService executor;
    private final InactivityClock inactivity;
    private final BooleanSupplier live;
    private final Consumer<Exception> onFailure;

    public SocketWorker(String threadName, InactivityClock inactivity, BooleanSupplier live, Consumer<Exception> onFailure) {
        this.executor = Executors.newSingleThreadExecutor(WorkerPools.daemon(threadName));
        this.inactivity = inactivity;
        this.live = live;
        this.onFailure = onFailure;
    }

    /** Runs {@code work} after what is queued; the inactivity clock waits meanwhile. */
    public void queue(Work work) {
        inactivity.busy();
        try {
            executor.execute(() -> {
                try {
                    if (live.getAsBoolean()) work.run();
                } catch (Exception e) {
                    onFailure.accept(e);
                } finally {
                    inactivity.idle();
                }
            });
        } catch (RejectedExecutionException ended) {
            inactivity.idle();
        }
    }

    /** Runs {@code last} after the queued work (whether or not the socket is live), then accepts nothing more. */
    public void finish(Runnable last) {
        try {
            executor.execute(last);
        } catch (RejectedExecutionException alreadyStopped) {
            // nothing left to run it on
        }
        executor.shutdown();
    }

    /** Interrupts the running work and drops the queue. */
    public void stop() {
        executor.shutdownNow();
    }
}
