package dev.timbre.engine;

import dev.timbre.audio.PcmFormat;
import java.util.List;

/** Turns speech into text. One instance serves all requests; implementations are thread-safe. */
public interface SpeechToText extends AutoCloseable {
    EngineInfo info();

    /** Batch recognition of a whole utterance or file. */
    Transcript transcribe(byte[] pcm, PcmFormat format, String languageCode);

    /** Streaming recognition: feed audio, read partial hypotheses, finish for the final transcript. Not thread-safe. */
    default RecognitionStream openStream(PcmFormat format, String languageCode) {
        throw new UnsupportedOperationException(info().provider() + " has no streaming recognition");
    }

    @Override
    default void close() {}

    interface RecognitionStream extends AutoCloseable {
        void accept(byte[] pcm, int off, int len);

        Transcript partial();

        Transcript finish();

        @Override
        void close();
    }

    /** Recognised text with word timings in seconds from the start of the audio; {@code language} is ISO 639-1. */
    record Transcript(String text, String language, double languageProbability, List<WordTiming> words) {}
}
