package dev.timbre.translation;

import java.util.List;
import java.util.Set;

/**
 * A machine-translation provider: translates segments of plain text from one language to another, one output per
 * input, in order. Languages are ISO 639-1 codes ({@code en}, {@code es}). Implementations are thread-safe and block
 * the calling thread (a job's worker) up to their own time limit.
 */
public interface Translator {
    /** For logs and error messages: {@code apertium}, {@code libretranslate}, {@code llm}. */
    String name();

    /**
     * The pairs this provider can translate; {@link LanguagePair#ANY} when it takes any pair (an LLM, an HTTP service
     * that does not list its languages).
     */
    Set<LanguagePair> pairs();

    /**
     * {@code segments} in {@code pair.target()}: as many strings as given, in the same order (a blank segment stays
     * blank). Throws {@link Failed} when the provider cannot be reached, refuses, or answers with another count.
     */
    List<String> translate(List<String> segments, LanguagePair pair) throws Failed;

    /** A provider that could not translate; the message says why, for a job's {@code error}. */
    final class Failed extends Exception {
        public Failed(String message) { super(message); }

        public Failed(String message, Throwable cause) { super(message, cause); }
    }
}
