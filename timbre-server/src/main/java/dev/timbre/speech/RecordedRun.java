package dev.timbre.speech;

import java.util.ArrayList;
import java.util.List;

/**
 * A charged run whose caller keeps its audio once it is complete (a history item): pull {@link #next} until it returns
 * null; {@link #completed} runs on the pulling thread as the last chunk is pulled. Closing before that cancels the
 * rest and nothing is kept (the client went away). The caller that opened it closes it; one thread pulls.
 */
public abstract class RecordedRun implements AutoCloseable {
    private final SpeechRun run;
    private final boolean keep;

    /** @param keep whether {@link #completed} runs at the end (the run's script must keep its audio) */
    protected RecordedRun(SpeechRun run, boolean keep) {
        this.run = run;
        this.keep = keep;
    }

    /** The next chunk, or null after the last; see {@link SpeechRun#next}. */
    public final SpeechChunk next() throws InterruptedException {
        SpeechChunk c = run.next();
        if (c != null && c.last() && keep) completed(run.keptAudio());
        return c;
    }

    /** Every chunk not pulled yet, joined into one. */
    public final SpeechChunk rest() throws InterruptedException {
        List<SpeechChunk> all = new ArrayList<>();
        for (SpeechChunk c; (c = next()) != null; ) all.add(c);
        return SpeechChunk.join(all);
    }

    /** Seconds of audio so far. */
    public final double seconds() {
        return run.seconds();
    }

    /** The last chunk was pulled: keep {@code audio}, the whole run's audio in its output format. */
    protected abstract void completed(byte[] audio);

    @Override
    public final void close() {
        run.close();
    }
}
