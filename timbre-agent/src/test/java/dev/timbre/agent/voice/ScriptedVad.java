package dev.timbre.agent.voice;

import dev.timbre.engine.VoiceActivityDetector;

/** A VAD for tests: a 512-sample frame is speech (0.9) when any sample is louder than 1000, else 0.05. */
final class ScriptedVad implements VoiceActivityDetector {
    volatile boolean closed;

    @Override public int frameSamples() { return 512; }

    @Override public float speechProbability(short[] frame) {
        for (short s : frame) if (Math.abs(s) > 1000) return 0.9f;
        return 0.05f;
    }

    @Override public void close() { closed = true; }
}
