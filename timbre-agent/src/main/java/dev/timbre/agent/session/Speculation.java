package dev.timbre.agent.session;

/**
 * A voice turn started early on a partial transcript ({@code turn.speculative_turn}): where the transcript and the
 * LLM history stood before it, so it can be retracted without a trace, and the tool run its reply asked for, which
 * waits until the turn is confirmed (tools have side effects). Loop thread only.
 */
final class Speculation {
    final int transcriptSize;
    final int historySize;
    private Runnable deferredTools;

    Speculation(int transcriptSize, int historySize) {
        this.transcriptSize = transcriptSize;
        this.historySize = historySize;
    }

    void deferTools(Runnable run) { deferredTools = run; }

    /** The turn is confirmed: the deferred tool run, if any, goes ahead. */
    void confirm() {
        Runnable r = deferredTools;
        deferredTools = null;
        if (r != null) r.run();
    }
}
