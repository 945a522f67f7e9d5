package dev.timbre.agent.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * The production {@link SessionLoop} and the wall clock. A session owns no thread: its tasks wait in its own queue and
 * run one at a time, in submission order, on a thread borrowed from a shared pool of daemon threads while the queue is
 * not empty (a session that waits for its user holds no thread). Consecutive tasks are handed over through the queue,
 * so each task sees what the one before it wrote. Timers wait on one shared timer thread and then queue their task like
 * {@link #execute}; a timer cancelled before its task ran never runs it, even when it had already fired. Blocking tasks
 * run on another shared pool. A task that throws is reported to the handler given at construction and the loop goes on.
 */
public final class ExecutorSessionLoop implements SessionLoop {
    private static final AtomicLong THREADS = new AtomicLong();
    private static final ExecutorService BLOCKING = Executors.newCachedThreadPool(r -> daemon(r, "agent-tool-" + THREADS.incrementAndGet()));
    /** Threads that run session tasks: as many as sessions have work at the same moment; idle ones end after a minute. */
    private static final ExecutorService RUNNERS = Executors.newCachedThreadPool(r -> daemon(r, "agent-session-" + THREADS.incrementAndGet()));
    private static final ScheduledThreadPoolExecutor TIMERS = timers();

    private final Clock clock;
    private final Consumer<RuntimeException> onFailure;
    private final UnaryOperator<Runnable> around;
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean draining = new AtomicBoolean();
    private final Set<ScheduledFuture<?>> timers = ConcurrentHashMap.newKeySet();
    private volatile boolean shutdown;

    /** @param name the session's name (kept for callers; threads are shared); @param onFailure called on the loop with what a task threw */
    public ExecutorSessionLoop(String name, Clock clock, Consumer<RuntimeException> onFailure) {
        this(name, clock, onFailure, UnaryOperator.identity());
    }

    /**
     * @param around wraps each task as it runs, on the loop (the server: the current voice turn's trace context made
     *               current for the task, so the LLM requests and syntheses it starts are that turn's children)
     */
    public ExecutorSessionLoop(String name, Clock clock, Consumer<RuntimeException> onFailure, UnaryOperator<Runnable> around) {
        this.clock = clock;
        this.onFailure = onFailure;
        this.around = around;
    }

    @Override
    public void execute(Runnable task) {
        if (shutdown) return;
        tasks.add(task);
        if (draining.compareAndSet(false, true)) RUNNERS.execute(this::drain);
    }

    @Override
    public Timer schedule(Duration delay, Runnable task) {
        if (shutdown) return () -> {};
        AtomicBoolean cancelled = new AtomicBoolean();
        ScheduledFuture<?>[] self = new ScheduledFuture<?>[1];
        Runnable fire = () -> {
            if (self[0] != null) timers.remove(self[0]);
            execute(() -> {
                if (!cancelled.get()) task.run();
            });
        };
        self[0] = TIMERS.schedule(fire, Math.max(0, delay.toNanos()), TimeUnit.NANOSECONDS);
        timers.add(self[0]); // a timer that fired before this line may stay in the set until shutdown: harmless
        if (shutdown) self[0].cancel(false);
        return () -> {
            cancelled.set(true);
            self[0].cancel(false);
            timers.remove(self[0]);
        };
    }

    @Override
    public Instant now() { return clock.instant(); }

    @Override
    public void executeBlocking(Runnable task) {
        BLOCKING.execute(task);
    }

    @Override
    public void shutdown() {
        shutdown = true;
        tasks.clear();
        for (ScheduledFuture<?> t : timers) t.cancel(false);
        timers.clear();
    }

    /** Runs queued tasks until the queue is empty; at most one drain of a loop runs at a time. */
    private void drain() {
        while (true) {
            try {
                for (Runnable task; !shutdown && (task = tasks.poll()) != null; ) guarded(task);
            } catch (Error e) { // the thread ends; the next queued task starts a new drain
                draining.set(false);
                if (!shutdown && !tasks.isEmpty() && draining.compareAndSet(false, true)) RUNNERS.execute(this::drain);
                throw e;
            }
            draining.set(false);
            // a task queued after the last poll but before the flag fell found draining set: take it over
            if (shutdown || tasks.isEmpty() || !draining.compareAndSet(false, true)) return;
        }
    }

    private void guarded(Runnable task) {
        try {
            around.apply(task).run();
        } catch (RuntimeException e) {
            onFailure.accept(e);
        }
    }

    private static ScheduledThreadPoolExecutor timers() {
        ScheduledThreadPoolExecutor t = new ScheduledThreadPoolExecutor(1, r -> daemon(r, "agent-session-timers"));
        t.setRemoveOnCancelPolicy(true);
        return t;
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
