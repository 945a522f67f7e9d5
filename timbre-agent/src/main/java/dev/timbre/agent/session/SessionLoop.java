package dev.timbre.agent.session;

import java.time.Duration;
import java.time.Instant;

/**
 * The one thread a session's code runs on, and its clock. Tasks run one at a time in submission order; timers run on
 * the same thread. Tests use a virtual implementation whose time only moves when the test says so.
 */
public interface SessionLoop {
    /** Runs {@code task} on the loop thread (after the tasks already queued). Ignored after {@link #shutdown}. */
    void execute(Runnable task);

    /** Runs {@code task} on the loop thread after {@code delay} of this loop's time, unless cancelled first. */
    Timer schedule(Duration delay, Runnable task);

    /** This loop's current time. */
    Instant now();

    /** Runs a blocking task on another thread (tools that wait on I/O); it posts its result back with {@link #execute}. */
    void executeBlocking(Runnable task);

    /** Stops running tasks and timers; tasks already running finish. Idempotent. */
    void shutdown();

    /** A scheduled task; {@link #cancel} is idempotent and harmless after it ran. */
    interface Timer {
        void cancel();
    }
}
