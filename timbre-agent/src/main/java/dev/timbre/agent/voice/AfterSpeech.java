package dev.timbre.agent.voice;

import dev.timbre.agent.session.SessionLoop;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Tasks waiting for the agent's speech so far to be heard ({@code SessionListener#afterSpeech}): a phone transfer
 * after its message, keypad tones after the words before them. They run once nothing is being synthesised and the
 * audio sent has had time to play, at once on a barge-in (the audio was cut), never after {@link #close}. Loop
 * thread only; at most {@link #MAX_TASKS} wait (more run when the speech ends with the others, in order).
 */
final class AfterSpeech {
    static final int MAX_TASKS = 64;

    private final SessionLoop loop;
    private final List<Runnable> waiting = new ArrayList<>();
    private boolean closed;

    AfterSpeech(SessionLoop loop) { this.loop = loop; }

    /**
     * Runs {@code task} after the speech: when {@code busy} (synthesis or a stream still going) at the next
     * {@link #idle}, else once the {@code aheadMs} of audio already sent has played.
     */
    void add(Runnable task, boolean busy, long aheadMs) {
        if (closed) return;
        if (busy && waiting.size() < MAX_TASKS) waiting.add(task);
        else if (busy) waiting.set(waiting.size() - 1, chain(waiting.get(waiting.size() - 1), task));
        else runAfter(List.of(task), aheadMs);
    }

    /** Nothing more is being synthesised; what was sent plays for {@code aheadMs} more. */
    void idle(long aheadMs) {
        if (waiting.isEmpty()) return;
        runAfter(List.copyOf(waiting), aheadMs);
        waiting.clear();
    }

    /** A barge-in cut the speech: what waited runs now. */
    void cut() { idle(0); }

    /** The conversation closed: nothing waiting runs. */
    void close() {
        closed = true;
        waiting.clear();
    }

    private void runAfter(List<Runnable> tasks, long aheadMs) {
        Runnable all = () -> {
            for (Runnable t : tasks) if (!closed) t.run();
        };
        if (aheadMs <= 0) loop.execute(all);
        else loop.schedule(Duration.ofMillis(aheadMs), all);
    }

    private static Runnable chain(Runnable first, Runnable then) {
        return () -> {
            first.run();
            then.run();
        };
    }
}
