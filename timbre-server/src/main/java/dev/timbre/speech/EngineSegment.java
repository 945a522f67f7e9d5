package dev.timbre.speech;

import dev.timbre.audio.PcmFormat;
import dev.timbre.audio.Resampler;
import dev.timbre.engine.EngineException;
import dev.timbre.engine.SpeechStream;

/**
 * One spoken segment of a run: its engine stream, the bounded queue the engine fills, the alignment tracker, and the
 * resampler to the run's rate. Confined to the run's pulling thread, except {@link #close}, which any thread may call.
 */
final class EngineSegment implements AutoCloseable {
    /** How long the engine may stay silent before the synthesis counts as failed. */
    static final long STALL_MS = 30_000;

    final int index;
    final SpeechScript.Segment segment;
    /** Where the segment starts in the run's output, in seconds. */
    final double startSeconds;
    final AlignmentTracker tracker;
    private final SpeechEvents events = new SpeechEvents();
    private final SpeechStream stream;
    PcmFormat engineFormat;
    Resampler resampler;

    /** Opens the engine stream: the engine starts working now. */
    EngineSegment(int index, SpeechScript.Segment segment, double startSeconds) {
        this.index = index;
        this.segment = segment;
        this.startSeconds = startSeconds;
        this.tracker = new AlignmentTracker(segment.text());
        try {
            this.stream = segment.engine().openStream(segment.request(), events);
        } catch (EngineException e) {
            events.close();
            if (e.retryable()) throw new SpeechException.Failed(e.getMessage(), e, true);
            throw new SpeechException.Refused(index, e.getMessage(), e);
        }
    }

    /** The engine's next event; a stall becomes a failure event. */
    SpeechEvents.Event next() throws InterruptedException {
        return events.next(STALL_MS);
    }

    /** Converts the engine's PCM to the run's rate ({@code target}), fixed at the engine's start event. */
    void started(PcmFormat format, PcmFormat target) {
        engineFormat = format;
        resampler = format.equals(target) ? null : new Resampler(format.sampleRate(), target.sampleRate());
    }

    byte[] toRunRate(byte[] pcm) {
        return resampler == null ? pcm : resampler.resample(pcm, 0, pcm.length);
    }

    byte[] tail() {
        return resampler == null ? new byte[0] : resampler.finish();
    }

    /** Cancels the engine's work and releases a waiting engine thread. Idempotent, any thread. */
    @Override
    public void close() {
        events.close();
        stream.close();
    }
}
