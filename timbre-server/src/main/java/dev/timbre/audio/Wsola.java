package dev.timbre.audio;

/**
 * Time-stretching without changing pitch: WSOLA (waveform-similarity overlap-add, Verhelst and Roelands 1993). The
 * output is built from 20 ms Hann-windowed frames at a fixed hop of half a frame; each frame is taken from the input
 * near its nominal place (output time / factor), shifted within ±{@link #TOLERANCE_MS} to where it best continues
 * the previous frame (largest cross-correlation), so periods line up and no pitch is changed. Mono s16 samples.
 * Stateless and thread-safe; cost about frame × tolerance multiply-adds per output hop (10 s at 48 kHz: ~0.3 s).
 */
public final class Wsola {
    public static final double FRAME_MS = 20, TOLERANCE_MS = 5;

    private Wsola() {}

    /** {@code samples} lasting {@code outLength} samples instead; factors are clamped to 0.25..4. */
    public static short[] stretch(short[] samples, int outLength, int sampleRate) {
        if (samples.length == 0 || outLength <= 0) return new short[Math.max(0, outLength)];
        double factor = Math.max(0.25, Math.min(4, (double) outLength / samples.length));
        int n = Math.max(8, (int) (sampleRate * FRAME_MS / 1000)) & ~1, hop = n / 2;
        int tolerance = (int) (sampleRate * TOLERANCE_MS / 1000);
        double[] window = new double[n];
        for (int i = 0; i < n; i++) window[i] = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / n);
        double[] out = new double[outLength + n];
        int previous = 0;
        for (int at = 0; at < outLength; at += hop) {
            int nominal = (int) Math.round(at / factor);
            int pos = at == 0 ? 0 : best(samples, previous + hop, nominal, tolerance, n);
            for (int i = 0; i < n && at + i < out.length; i++) {
                int k = pos + i;
                if (k >= 0 && k < samples.length) out[at + i] += window[i] * samples[k];
            }
            previous = pos;
        }
        short[] y = new short[outLength];
        for (int i = 0; i < outLength; i++) y[i] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, Math.round(out[i])));
        return y;
    }

    /** The start near {@code nominal} whose frame best matches the natural continuation at {@code natural}. */
    private static int best(short[] x, int natural, int nominal, int tolerance, int n) {
        int bestPos = clamp(nominal, x.length), from = clamp(nominal - tolerance, x.length), to = clamp(nominal + tolerance, x.length);
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int p = from; p <= to; p += 2) {
            double score = 0;
            for (int i = 0; i < n; i += 2) {
                int a = natural + i, b = p + i;
                if (a >= x.length || b >= x.length) break;
                score += (double) x[a] * x[b];
            }
            if (score > bestScore) {
                bestScore = score;
                bestPos = p;
            }
        }
        return bestPos;
    }

    private static int clamp(int v, int length) {
        return Math.max(0, Math.min(Math.max(0, length - 1), v));
    }
}
