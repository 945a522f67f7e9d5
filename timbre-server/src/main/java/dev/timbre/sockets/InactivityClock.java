package dev.timbre.sockets;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A socket's inactivity timeout: fires {@code onTimeout} once when no message arrived for {@code seconds} and the
 * server has no work in flight for the socket (a client waiting for its audio is not idle). Thread-safe.
 */
public final class InactivityClock {
    private final ScheduledExecutorService timers;
    private final long seconds;
    private final Runnable onTimeout;
    private ScheduledFuture<?> pending;
    private int busy;
    private boolean stopped;

    public InactivityClock(ScheduledExecutorService timers, long seconds, Runnable onTimeout) {
        this.timers = timers;
        this.seconds = seconds;
        this.onTimeout = onTimeout;
    }

    /** Activity: the full timeout starts again. */
    public synchronized void restart() {
        if (stopped) return;
        if (pending != null) pending.cancel(false);
        pending = timers.schedule(this::fire, seconds, TimeUnit.SECONDS);
    }

    /** Work was queued: the clock cannot fire until each {@code busy} is matched by an {@link #idle}. */
    public synchronized void busy() {
        busy++;
    }

    /** One piece of work is done, which counts as activity. */
    public synchronized void idle() {
        busy = Math.max(0, busy - 1);
        restart();
    }

    public synchronized void stop() {
        stopped = true;
        if (pending != null) pending.cancel(false);
    }

    private void fire() {
        synchronized (this) {
            if (stopped) return;
            if (busy > 0) {
                restart();
                return;
            }
            stopped = true;
        }
        onTimeout.run();
    }
}
