package dev.timbre.agent.session;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.BooleanSupplier;

/** A virtual-time {@link SessionLoop} for tests: tasks run when the test drains the queue; time moves on {@link #advance}. */
public final class ManualLoop implements SessionLoop {
    private final ConcurrentLinkedQueue<Runnable> queue = new ConcurrentLinkedQueue<>();
    private final List<Scheduled> timers = new ArrayList<>();
    private Instant now = Instant.parse("2026-01-02T03:04:05Z");
    private long seq;
    public volatile boolean shutDown;

    private static final class Scheduled {
        final Instant due; final long seq; final Runnable task; boolean cancelled;
        Scheduled(Instant due, long seq, Runnable task) { this.due = due; this.seq = seq; this.task = task; }
    }

    @Override public void execute(Runnable task) { if (!shutDown) queue.add(task); }

    @Override public synchronized Timer schedule(Duration delay, Runnable task) {
        Scheduled s = new Scheduled(now.plus(delay), seq++, task);
        timers.add(s);
        return () -> s.cancelled = true;
    }

    @Override public synchronized Instant now() { return now; }

    @Override public void executeBlocking(Runnable task) {
        Thread t = new Thread(task, "test-blocking");
        t.setDaemon(true);
        t.start();
    }

    @Override public void shutdown() { shutDown = true; queue.clear(); }

    /** Runs queued tasks until none are left. */
    public void drain() {
        Runnable r;
        while (!shutDown && (r = queue.poll()) != null) r.run();
    }

    /** Drains until {@code done} holds, waiting for other threads' posts (at most 5 s of real time). */
    public void drainUntil(BooleanSupplier done) {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (true) {
            drain();
            if (done.getAsBoolean() || shutDown) return;
            if (System.nanoTime() > deadline) throw new AssertionError("condition not reached");
            try { Thread.sleep(2); } catch (InterruptedException e) { throw new AssertionError(e); }
        }
    }

    /** Moves virtual time forward, running due timers (and the queue) in order. */
    public void advance(Duration d) {
        Instant end;
        synchronized (this) { end = now.plus(d); }
        drain();
        while (!shutDown) {
            Scheduled next;
            synchronized (this) {
                next = timers.stream().filter(s -> !s.cancelled && !s.due.isAfter(end))
                        .min(Comparator.<Scheduled, Instant>comparing(s -> s.due).thenComparingLong(s -> s.seq)).orElse(null);
                if (next == null) { now = end; break; }
                timers.remove(next);
                now = next.due;
            }
            next.task.run();
            drain();
        }
        drain();
    }
}
