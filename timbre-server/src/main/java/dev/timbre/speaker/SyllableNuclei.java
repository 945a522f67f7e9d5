package dev.timbre.speaker;

/**
 * Counts syllable nuclei: peaks of the vowel-band loudness contour (300–2500 Hz, {@link #bandLevels}: 25 ms frames every
 * 10 ms, smoothed over 50 ms) that are voiced, the loudest within ±30 ms, at most {@link #BELOW_LOUDEST_DB} below the loudest frame, and that rise at least
 * {@link #PROMINENCE_DB} above the dip since the previous nucleus. Stateless.
 */
final class SyllableNuclei {
    static final double PROMINENCE_DB = 1.5, BELOW_LOUDEST_DB = 25;
    private static final int NEIGHBOURHOOD = 3, SMOOTH = 5;

    private SyllableNuclei() {}

    /**
     * @param levelDb frame levels (10 ms frames)
     * @param voiced  whether each frame is voiced (same framing; may be shorter)
     */
    static int count(double[] levelDb, boolean[] voiced) {
        int n = levelDb.length;
        double[] s = new double[n];
        double loudest = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            double sum = 0;
            int c = 0;
            for (int j = Math.max(0, i - SMOOTH / 2); j <= Math.min(n - 1, i + SMOOTH / 2); j++, c++) sum += levelDb[j];
            s[i] = sum / c;
            loudest = Math.max(loudest, s[i]);
        }
        int count = 0;
        double dip = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            dip = Math.min(dip, s[i]);
            if (s[i] < loudest - BELOW_LOUDEST_DB || !voicedNear(voiced, i)) continue;
            boolean peak = true;
            for (int j = Math.max(0, i - NEIGHBOURHOOD); j <= Math.min(n - 1, i + NEIGHBOURHOOD) && peak; j++) {
                if (s[j] > s[i] || (s[j] == s[i] && j < i)) peak = false;
            }
            if (peak && s[i] - dip >= PROMINENCE_DB) {
                count++;
                dip = s[i];
            }
        }
        return count;
    }

    private static boolean voicedNear(boolean[] voiced, int i) {
        for (int j = Math.max(0, i - 2); j <= Math.min(voiced.length - 1, i + 2); j++) if (voiced[j]) return true;
        return false;
    }

    /** Level in dB of the 300–2500 Hz band of each {@code window}-sample frame every {@code hop} samples (16 kHz). */
    static double[] bandLevels(float[] x, int frames, int hop, int window) {
        double[] y = Biquad.filter(biquad(x, true, 300), false, 2500);
        double[] out = new double[frames];
        for (int f = 0; f < frames; f++) {
            double sum = 0;
            int end = Math.min(y.length, f * hop + window);
            for (int i = f * hop; i < end; i++) sum += y[i] * y[i];
            out[f] = 10 * Math.log10(sum / Math.max(1, end - f * hop) + 1e-10);
        }
        return out;
    }

    /** RBJ high- or low-pass biquad, Q = 1/√2, at 16 kHz. */
    private static double[] biquad(float[] x, boolean highPass, double hz) {
        double[] in = new double[x.length];
        for (int i = 0; i < x.length; i++) in[i] = x[i];
        return Biquad.filter(in, highPass, hz);
    }
}
