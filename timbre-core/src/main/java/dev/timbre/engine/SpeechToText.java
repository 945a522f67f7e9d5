package dev.timbre.engine;

import dev.timbre.audio.PcmFormat;
import java.util.List;
import java.util.Optional;

/** Turns speech into text. One instance serves all requests; implementations are thread-safe. */
public interface SpeechToText extends AutoCloseable {
    EngineInfo info();

    /** Batch recognition of a whole utterance or file. */
    Transcript transcribe(byte[] pcm, PcmFormat format, String languageCode);

    /**
     * Opens an incremental recogniser: audio goes in with {@link RecognitionStream#accept}, hypotheses come out with
     * {@link RecognitionStream#partial} and {@link RecognitionStream#finish}. The default buffers the audio and runs
     * {@link #transcribe} at {@code finish} (its partials are empty); engines that decode incrementally override it and
     * say so with {@link EngineCapabilities#streamingInput()}.
     */
    default RecognitionStream openStream(PcmFormat format, String languageCode) {
        return new BufferedRecognitionStream(this, format, languageCode);
    }

    /**
     * Forced alignment: where each word of the given {@code text} is spoken in the audio. The result's {@code text} is
     * the given text and its words are the given words, in order, with times; {@link Transcript#recognized()} carries
     * a per-word log probability (NaN where the engine could not score a word, e.g. one it had to interpolate).
     * Empty when the engine cannot align.
     */
    default Optional<Transcript> align(byte[] pcm, PcmFormat format, String text) {
        return Optional.empty();
    }

    @Override
    default void close() {}

    /**
     * Recognised text with word timings in seconds from the start of the audio; {@code language} is ISO 639-1.
     * {@code recognized} holds the same words with a score where the engine has one.
     */
    record Transcript(String text, String language, double languageProbability, List<WordTiming> words,
                      List<RecognizedWord> recognized) {
        public Transcript {
            words = List.copyOf(words);
            recognized = recognized == null
                    ? words.stream().map(w -> new RecognizedWord(w.word(), w.start(), w.end(), Double.NaN)).toList()
                    : List.copyOf(recognized);
        }

        /** A transcript without per-word scores. */
        public Transcript(String text, String language, double languageProbability, List<WordTiming> words) {
            this(text, language, languageProbability, words, null);
        }

        /** A transcript built from scored words; {@code words} is derived from them. */
        public static Transcript of(String text, String language, double languageProbability, List<RecognizedWord> recognized) {
            return new Transcript(text, language, languageProbability,
                    recognized.stream().map(RecognizedWord::timing).toList(), recognized);
        }

        public static Transcript empty(String language) {
            return new Transcript("", language, 1.0, List.of(), List.of());
        }
    }
}
