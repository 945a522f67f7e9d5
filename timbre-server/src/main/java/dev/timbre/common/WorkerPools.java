package dev.timbre.common;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/** The server's background worker pools: their threads, and stopping them, the same way everywhere. */
public final class WorkerPools {
    private WorkerPools() {}

    /** Threads named {@code name} that never keep the JVM alive (the pools are stopped with {@link #stop} or die with it). */
    public static ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    /**
     * Interrupts {@code pool}'s running tasks, drops its queued ones and waits up to 5 s for the running ones to
     * finish (their work is durable where it matters: jobs resume at the next start). Keeps the caller's interrupt.
     */
    public static void stop(ExecutorService pool) {
        pool.shutdownNow();
        try {
            pool.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
