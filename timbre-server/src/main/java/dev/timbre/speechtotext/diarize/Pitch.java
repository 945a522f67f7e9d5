package dev.timbre.speechtotext.diarize;

import java.util.ArrayList;
import java.util.List;

/**
 * Fundamental frequency by normalised autocorrelation over 40 ms frames every 10 ms, 60–700 Hz. A frame is voiced when
 * its best normalised correlation is at least {@link #VOICING}; the shortest lag within 90 % of the best is taken,
 * which avoids octave-down errors.
 */
public final class Pitch {
    static final double MIN_HZ = 60, MAX_HZ = 700, VOICING = 0.5, FRAME_SECONDS = 0.04, HOP_SECONDS = 0.01;

    private Pitch() {}

    /** Median F0 in Hz of the voiced frames of {@code [from, to)}; NaN when none is voiced. */
    public static double median(float[] x, int sampleRate, int from, int to) {
        int frame = (int) Math.round(sampleRate * FRAME_SECONDS), hop = (int) Math.round(sampleRate * HOP_SECONDS);
        int minLag = (int) Math.floor(sampleRate / MAX_HZ), maxLag = (int) Math.ceil(sampleRate / MIN_HZ);
        int n = frame - maxLag;
        if (n <= 0) return Double.NaN;
        List<Double> f0 = new ArrayList<>();
        double[] r = new double[maxLag + 1];
        for (int s = from; s + frame <= to; s += hop) {
            double e0 = 0;
            for (int i = 0; i < n; i++) e0 += x[s + i] * x[s + i];
            if (e0 < 1e-6) continue;
            double best = 0;
            for (int lag = minLag; lag <= maxLag; lag++) {
                double c = 0, el = 0;
                for (int i = 0; i < n; i++) {
                    c += x[s + i] * x[s + i + lag];
                    el += x[s + i + lag] * x[s + i + lag];
                }
                r[lag] = c / Math.sqrt(e0 * el + 1e-12);
                best = Math.max(best, r[lag]);
            }
            if (best < VOICING) continue;
            for (int lag = minLag + 1; lag < maxLag; lag++) {
                if (r[lag] >= 0.9 * best && r[lag] >= r[lag - 1] && r[lag] >= r[lag + 1]) {
                    double a = r[lag - 1], b = r[lag], c = r[lag + 1], d = a - 2 * b + c;
                    double shift = d == 0 ? 0 : 0.5 * (a - c) / d;
                    f0.add(sampleRate / (lag + shift));
                    break;
                }
            }
        }
        if (f0.isEmpty()) return Double.NaN;
        f0.sort(null);
        int m = f0.size();
        return m % 2 == 1 ? f0.get(m / 2) : 0.5 * (f0.get(m / 2 - 1) + f0.get(m / 2));
    }
}
