package dev.timbre.sockets;

import dev.timbre.common.WorkerPools;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * One socket's work queue: a daemon thread of its own runs queued work in order, one piece at a time, while the
 * socket's {@link InactivityClock} counts it as busy. Work is skipped once {@code live} turns false; a failure goes
 * to {@code onFailure} on the worker thread (the socket maps it to its protocol's error and close). The queue holds at
 * most {@code maxQueued} pieces: the piece that would pass it is not queued and {@code onFailure} gets a
 * {@link Overflow} on the caller's thread, once (the socket closes with its protocol's error; what was queued still
 * runs unless the socket stops it). Work queued after {@link #finish} or {@link #stop} is dropped silently.
 */
public final class SocketWorker {
    /** A piece of work; may throw (an {@link java.io.IOException} usually means the client has gone). */
    public interface Work {
        void run() throws Exception;
    }

    /** Pieces that may wait behind the running one unless a socket says otherwise: far more than a client in step sends. */
    public static final int DEFAULT_MAX_QUEUED = 1024;

    /** The client queued more work than the socket holds: it sends faster than the work runs. */
    public static final class Overflow extends Exception {
        public Overflow(int maxQueued) {
            super("More than " + maxQueued + " messages are waiting to be processed; the client sends faster than the server can work.");
        }
    }

    private final ThreadPoolExecutor executor;
    private final int maxQueued;
    private final java.util.concurrent.atomic.AtomicBoolean overflowed = new java.util.concurrent.atomic.AtomicBoolean();
    private final InactivityClock inactivity;
    private final BooleanSupplier live;
    private final Consumer<Exception> onFailure;

    public SocketWorker(String threadName, InactivityClock inactivity, BooleanSupplier live, Consumer<Exception> onFailure) {
        this(threadName, DEFAULT_MAX_QUEUED, inactivity, live, onFailure);
    }

    /** @param maxQueued pieces that may wait behind the running one (at least 1); one more is an {@link Overflow} */
    public SocketWorker(String threadName, int maxQueued, InactivityClock inactivity, BooleanSupplier live, Consumer<Exception> onFailure) {
        if (maxQueued < 1) throw new IllegalArgumentException("maxQueued must be at least 1");
        this.maxQueued = maxQueued;
        // one more slot than maxQueued: finish() must always find room for its last piece
        this.executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(maxQueued + 1),
                WorkerPools.daemon(threadName));
        this.inactivity = inactivity;
        this.live = live;
        this.onFailure = onFailure;
    }

    /** Runs {@code work} after what is queued; the inactivity clock waits meanwhile. */
    public void queue(Work work) {
        if (executor.getQueue().size() >= maxQueued) {
            if (!executor.isShutdown() && overflowed.compareAndSet(false, true)) onFailure.accept(new Overflow(maxQueued));
            return;
        }
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
