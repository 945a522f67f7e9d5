package dev.timbre.convai.agenttesting.runner;

import dev.timbre.common.WorkerPools;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The bounded worker pool that runs agent tests: {@code threads} daemon threads named {@code agent-tests} (they end
 * after 30 s idle) and a queue of at most {@code queueCapacity} waiting runs. {@link #submitAll} queues a whole batch
 * or none of it. Thread-safe.
 */
public final class TestWorkers implements AutoCloseable {
    private final ThreadPoolExecutor pool;

    public TestWorkers(int threads, int queueCapacity) {
        pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(queueCapacity),
                WorkerPools.daemon("agent-tests"));
        pool.allowCoreThreadTimeOut(true);
    }

    /** Queues every task, or none when the queue has no room for them all (then false). */
    public synchronized boolean submitAll(List<Runnable> tasks) {
        if (pool.isShutdown() || pool.getQueue().remainingCapacity() < tasks.size()) return false;
        tasks.forEach(pool::execute);
        return true;
    }

    /** Stops the workers: running tests are interrupted and stay pending (they resume at the next start). */
    @Override
    public void close() {
        WorkerPools.stop(pool);
    }
}
