package dev.timbre.engine;

/** Scores 16 kHz PCM frames for speech. One instance per audio stream: it may keep state between frames. */
public interface VoiceActivityDetector extends AutoCloseable {
    /** Samples per frame this detector expects (e.g. 512 at 16 kHz). */
    int frameSamples();

    /** Probability 0..1 that the frame holds speech. */
    float speechProbability(short[] frame);

    @Override
    default void close() {}
}
