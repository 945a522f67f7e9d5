package dev.timbre;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/** Stopping the server's background worker pools the same way everywhere. */
public final class WorkerPools {
    private WorkerPools() {}

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
