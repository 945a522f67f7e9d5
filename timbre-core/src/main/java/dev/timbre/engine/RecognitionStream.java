package dev.timbre.engine;

import dev.timbre.engine.SpeechToText.Transcript;

/**
 * One incremental recognition: s16le mono PCM in the format given to {@link SpeechToText#openStream} goes in,
 * hypotheses come out. Calls come from one thread at a time (implementations may be called from different threads
 * in sequence). Closing it releases the engine's resources; closing without {@link #finish} discards the result.
 */
public interface RecognitionStream extends AutoCloseable {
    /** Feeds audio; an odd trailing byte is kept for the next call. */
    void accept(byte[] pcm, int off, int len);

    default void accept(byte[] pcm) { accept(pcm, 0, pcm.length); }

    /** The hypothesis so far (text and the words found so far); may change with more audio. */
    Transcript partial();

    /** Ends the audio and returns the final transcript. The stream accepts no more audio afterwards. */
    Transcript finish();

    @Override
    void close();
}
