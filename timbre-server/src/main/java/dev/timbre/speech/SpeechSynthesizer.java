package dev.timbre.speech;

/**
 * The one way to synthesise speech on this server: text to speech, dialogue, the OpenAI alias, the stream-input
 * sockets and agent speech all {@link #open} runs here and pull their chunks. Thread-safe; one per server.
 */
public final class SpeechSynthesizer {
    private final SpeechScheduler scheduler;
    private final SpeechMetrics metrics;

    public SpeechSynthesizer(SpeechScheduler scheduler) {
        this(scheduler, SpeechMetrics.NONE);
    }

    /** @param metrics where each run's time to first audio is recorded, per engine */
    public SpeechSynthesizer(SpeechScheduler scheduler, SpeechMetrics metrics) {
        this.scheduler = scheduler;
        this.metrics = metrics;
    }

    /** Runs opened and not closed yet, across every caller. */
    public int running() {
        return scheduler.running();
    }

    /** How the caller delivers a run's audio, which decides its place in the {@link SpeechScheduler}. */
    public enum Delivery {
        /** Played as it comes (streams, sockets, agents): the first audio goes first, a run far ahead yields. */
        STREAMED,
        /** Used once complete (whole-file responses): takes its turn in arrival order, never yields. */
        WHOLE
    }

    /**
     * Admits a run (waiting for a slot behind earlier requests) and opens the engine of its first spoken segment,
     * which starts working at once. The caller owns the run and closes it.
     *
     * @throws SpeechException.Busy    when too many runs are waiting already
     * @throws SpeechException.Refused when the first engine refuses its segment
     */
    public SpeechRun open(SpeechScript script, Delivery delivery) throws InterruptedException {
        SpeechScheduler.Ticket ticket = scheduler.admit(delivery == Delivery.STREAMED);
        return new SpeechRun(script, ticket, metrics); // closes the ticket when it fails to open
    }
}
