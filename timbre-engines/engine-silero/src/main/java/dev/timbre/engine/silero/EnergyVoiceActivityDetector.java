package dev.timbre.engine.silero;

import dev.timbre.engine.VoiceActivityDetector;

/**
 * The no-model fallback: 512-sample frames scored by their RMS level in dBFS against a noise floor that follows the
 * quiet frames, mapped to a 0..1 probability (0 at the floor + 6 dB, 1 at the floor + 18 dB, with an absolute floor
 * of -60 dBFS). Works for clean speech; noisy input wants Silero. Not thread-safe: one stream.
 */
public final class EnergyVoiceActivityDetector implements VoiceActivityDetector {
    private double floorDb = -60;

    @Override
    public int frameSamples() { return SileroVoiceActivityDetector.FRAME; }

    @Override
    public float speechProbability(short[] frame) {
        double sum = 0;
        for (short s : frame) sum += (double) s * s;
        double rms = Math.sqrt(sum / Math.max(1, frame.length)) / 32768.0;
        double db = 20 * Math.log10(Math.max(rms, 1e-9));
        double above = db - floorDb;
        if (above < 6) floorDb = Math.max(-90, 0.9 * floorDb + 0.1 * db); // quiet: the floor follows the noise
        return (float) Math.max(0, Math.min(1, (above - 6) / 12));
    }
}
