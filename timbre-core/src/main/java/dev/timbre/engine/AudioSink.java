package dev.timbre.engine;

import dev.timbre.audio.PcmFormat;

/**
 * Receives an engine's output. Calls come from one thread at a time, in order: {@link #start} once, then any number
 * of {@link #audio} and {@link #words}, then exactly one of {@link #end} or {@link #error}. The engine owns the
 * arrays only for the duration of a call.
 */
public interface AudioSink {
    void start(PcmFormat format);

    void audio(byte[] pcm, int offset, int length);

    /** Timings for words whose audio has been (or is about to be) delivered. */
    default void words(java.util.List<WordTiming> words) {}

    void end();

    void error(EngineException e);
}
