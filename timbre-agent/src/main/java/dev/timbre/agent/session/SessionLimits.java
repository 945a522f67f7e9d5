package dev.timbre.agent.session;

import java.time.Duration;

/**
 * A session's time limits: {@code max_duration} from the start, and the idle timeout since the user's last sign of
 * life ({@link #userActive}). When one fires, its {@link Ending} is called with the error event (or null) and the
 * reason the call ends. Loop thread only.
 */
final class SessionLimits {
    /** Ends the call: {@code error} (null: none) to the client, then the end. */
    interface Ending {
        void end(Frame.Error error, String reason, String errorType, String errorMessage);
    }

    private final SessionConfig config;
    private final SessionLoop loop;
    private final Ending ending;
    private SessionLoop.Timer maxDuration;
    private SessionLoop.Timer idle;
    private boolean stopped;

    SessionLimits(SessionConfig config, SessionLoop loop, Ending ending) {
        this.config = config;
        this.loop = loop;
        this.ending = ending;
    }

    /** The call started: both limits run. */
    void start() {
        Duration limit = config.maxDuration();
        if (limit != null) {
            String message = "Maximum duration of " + limit.toSeconds() + " seconds exceeded";
            maxDuration = loop.schedule(limit, () -> ending.end(new Frame.Error(1000, "max_duration_exceeded", message),
                    "Maximum duration exceeded", "max_duration_exceeded", message));
        }
        userActive();
    }

    /** The user said or did something: the idle timeout starts over. */
    void userActive() {
        Duration timeout = config.idleTimeout();
        if (timeout == null || stopped) return;
        if (idle != null) idle.cancel();
        idle = loop.schedule(timeout, () -> ending.end(null,
                "Conversation ended after " + timeout.toSeconds() + " seconds of user silence", null, null));
    }

    /** The call ended: no limit fires any more. */
    void stop() {
        stopped = true;
        if (maxDuration != null) maxDuration.cancel();
        if (idle != null) idle.cancel();
    }
}
