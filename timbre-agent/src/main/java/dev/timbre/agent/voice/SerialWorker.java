package dev.timbre.agent.voice;

import java.util.ArrayDeque;
import java.util.concurrent.Executor;

/**
 * Runs tasks one at a time, in submission order, on an {@link Executor} (the loop's blocking pool in production, the
 * calling thread in tests), so a slow engine call never blocks the session loop. Thread-safe. A task that throws is
 * reported to the system logger and the worker goes on.
 */
final class SerialWorker {
    private static final System.Logger LOG = System.getLogger(SerialWorker.class.getName());

    private final Executor executor;
    private final ArrayDeque<Runnable> queue = new ArrayDeque<>();
    private boolean running;

    SerialWorker(Executor executor) { this.executor = executor; }

    /** Tasks submitted and not started yet. */
    synchronized int backlog() { return queue.size(); }

    void submit(Runnable task) {
        synchronized (this) {
            queue.add(task);
            if (running) return;
            running = true;
        }
        executor.execute(this::drain);
    }

    private void drain() {
        while (true) {
            Runnable task;
            synchronized (this) {
                task = queue.poll();
                if (task == null) {
                    running = false;
                    return;
                }
            }
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "voice worker task failed", e);
            }
        }
    }
}
