package dev.timbre.agent.voice;

import dev.timbre.agent.session.SessionLoop;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Tasks waiting for the agent's speech so far to be heard ({@code SessionListener#afterSpeech}): a phone transfer
 * after its message, keypad tones after the words before them. They run, in order, once nothing is being synthesised
 * and the audio sent has had time to play; at once on a barge-in (the audio was cut); never after {@link #close}.
 * Loop thread only. At most {@link #MAX_TASKS} wait; more are chained onto the last one.
 */
final class AfterSpeech {
    static final int MAX_TASKS = 64;

    private final SessionLoop loop;
    private final List<Runnable> waiting = new ArrayList<>();
    private SessionLoop.Timer due;
    private boolean closed;

    AfterSpeech(SessionLoop loop) { this.loop = loop; }

    /**
     * Runs {@code task} after the speech: when {@code busy} (synthesis or a stream still going) at the next
     * {@link #idle}, else once the {@code aheadMs} of audio already sent has played.
     */
    void add(Runnable task, boolean busy, long aheadMs) {
        if (closed) return;
        if (waiting.size() < MAX_TASKS) waiting.add(task);
        else waiting.set(waiting.size() - 1, chain(waiting.get(waiting.size() - 1), task));
        if (!busy) runAfter(aheadMs);
    }

    /** Nothing more is being synthesised; what was sent plays for {@code aheadMs} more. */
    void idle(long aheadMs) {
        if (!waiting.isEmpty()) runAfter(aheadMs);
    }

    /** A barge-in cut the speech: what waits runs now. */
    void cut() {
        if (!waiting.isEmpty()) runAfter(0);
    }

    /** The conversation closed: nothing waiting runs. */
    void close() {
        closed = true;
        if (due != null) due.cancel();
        waiting.clear();
    }

    private void runAfter(long ms) {
        if (due != null) due.cancel();
        due = loop.schedule(Duration.ofMillis(Math.max(0, ms)), this::run);
    }

    private void run() {
        due = null;
        List<Runnable> tasks = List.copyOf(waiting);
        waiting.clear();
        for (Runnable t : tasks) if (!closed) t.run();
    }

    private static Runnable chain(Runnable first, Runnable then) {
        return () -> {
            first.run();
            then.run();
        };
    }
}
