package dev.timbre.audio;

/**
 * The fundamental frequency (F0) of 16 kHz speech, one estimate per {@link #HOP} samples (10 ms), by YIN (de Cheveigné
 * and Kawahara, 2002): the cumulative mean normalised difference of a {@link #WINDOW}-sample window with itself
 * shifted by each lag of 60–400 Hz; the first lag whose difference dips under {@link #THRESHOLD}, refined to its
 * local minimum and by parabolic interpolation. A window with no such dip, or much quieter than the loudest one,
 * is unvoiced ({@code NaN}). Cost: about 200 k multiply-adds per estimate (300 ms of audio: ~1–2 ms).
 * Stateless and thread-safe. Used by the agent (end-of-turn intonation) and by speaker analysis (voice cloning).
 */
public final class PitchTracker {
    public static final int RATE = 16_000;
    public static final int HOP = RATE / 100;
    public static final int WINDOW = RATE * 25 / 1000;
    public static final double MIN_HZ = 60;
    public static final double MAX_HZ = 400;
    static final double THRESHOLD = 0.2;
    /** Windows quieter than this fraction of the loudest window's RMS (−20 dB) are unvoiced. */
    static final double QUIET = 0.1;

    private PitchTracker() {}

    /** F0 in Hz per 10 ms hop of {@code samples} (16 kHz); NaN where unvoiced. Empty when shorter than one window. */
    public static double[] track(short[] samples) {
        int maxLag = (int) Math.ceil(RATE / MIN_HZ);
        int minLag = (int) Math.floor(RATE / MAX_HZ);
        int span = WINDOW + maxLag;
        if (samples.length < span) return new double[0];
        int n = (samples.length - span) / HOP + 1;
        double[] rms = new double[n];
        double loudest = 0;
        for (int w = 0; w < n; w++) {
            double sum = 0;
            for (int i = 0; i < WINDOW; i++) sum += (double) samples[w * HOP + i] * samples[w * HOP + i];
            rms[w] = Math.sqrt(sum / WINDOW);
            loudest = Math.max(loudest, rms[w]);
        }
        double[] f0 = new double[n];
        double[] d = new double[maxLag + 1];
        for (int w = 0; w < n; w++) {
            f0[w] = rms[w] > 0 && rms[w] >= QUIET * loudest ? estimate(samples, w * HOP, minLag, maxLag, d) : Double.NaN;
        }
        return f0;
    }

    private static double estimate(short[] x, int at, int minLag, int maxLag, double[] d) {
        // cumulative mean normalised difference d'(tau), tau = 1..maxLag
        double running = 0;
        d[0] = 1;
        for (int tau = 1; tau <= maxLag; tau++) {
            double sum = 0;
            for (int i = at; i < at + WINDOW; i++) {
                double diff = x[i] - x[i + tau];
                sum += diff * diff;
            }
            running += sum;
            d[tau] = running == 0 ? 1 : sum * tau / running;
        }
        for (int tau = minLag; tau < maxLag; tau++) {
            if (d[tau] >= THRESHOLD) continue;
            while (tau + 1 < maxLag && d[tau + 1] < d[tau]) tau++;
            double a = d[tau - 1], b = d[tau], c = d[tau + 1];
            double denominator = a - 2 * b + c;
            double shift = denominator > 0 ? 0.5 * (a - c) / denominator : 0;
            return RATE / (tau + Math.max(-0.5, Math.min(0.5, shift)));
        }
        return Double.NaN;
    }
}
