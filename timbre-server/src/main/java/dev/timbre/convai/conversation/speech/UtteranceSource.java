package dev.timbre.convai.conversation.speech;

import dev.timbre.audio.PcmFormat;
import dev.timbre.speech.SpeechChunk;
import dev.timbre.speech.SpeechRun;

/**
 * One utterance's raw-PCM chunks for one reader, from its own synthesis or from one it shares
 * ({@link SharedUtterances}). One thread reads ({@link #next}, then {@link #close}); {@link #cancel} may come from any
 * thread and ends a read in progress or the next one with a {@link java.util.concurrent.CancellationException}.
 */
interface UtteranceSource extends AutoCloseable {
    /** Opens a synthesis; the caller owns the run. */
    @FunctionalInterface
    interface Opener {
        SpeechRun open() throws InterruptedException;
    }

    /** The next chunk in order, or null after the last; as {@link SpeechRun#next}. */
    SpeechChunk next() throws InterruptedException;

    /** The PCM format of the chunks; known once the first chunk with audio was read. */
    PcmFormat pcmFormat();

    /** This reader wants no more; the synthesis stops unless another reader still reads it. Any thread. */
    void cancel();

    /** The reader is done (on its thread, also after {@link #cancel}). */
    @Override
    void close();

    /** A synthesis of this reader's own. */
    static UtteranceSource direct(SpeechRun run) {
        return new UtteranceSource() {
            @Override
            public SpeechChunk next() throws InterruptedException { return run.next(); }

            @Override
            public PcmFormat pcmFormat() { return run.pcmFormat(); }

            @Override
            public void cancel() { run.close(); }

            @Override
            public void close() { run.close(); }
        };
    }
}
