package dev.timbre.audioisolation.suppression;

/**
 * The noise power spectrum of a signal, tracked frame by frame with minima-controlled recursive averaging (MCRA,
 * Cohen &amp; Berdugo 2002): the periodogram is smoothed over frequency and time, its minimum is tracked over a
 * window of about 1.5 s (so speech pauses between words are enough), and where the smoothed power stays close to
 * that minimum (speech absent) the noise estimate follows the periodogram; where speech is likely it is held. The
 * first {@link #LEARNING_FRAMES} frames are assumed to be noise (as recordings usually start).
 * Not thread-safe: one per stream.
 */
final class NoiseTracker {
    /** Smoothed power over minimum above which a bin holds speech (MCRA's δ). */
    private static final double SPEECH_RATIO = 5;
    private static final double POWER_SMOOTHING = 0.8;
    private static final double PRESENCE_SMOOTHING = 0.2;
    private static final double NOISE_SMOOTHING = 0.95;
    /** The first frames (about 60 ms) are taken as noise: their mean starts the estimate and the minima. */
    static final int LEARNING_FRAMES = 8;

    private final int bins;
    private final int window;
    private final double[] smoothed, minimum, pending, presence, noise;
    private int frames;

    /** @param window frames in one minimum-tracking window */
    NoiseTracker(int bins, int window) {
        this.bins = bins;
        this.window = window;
        smoothed = new double[bins];
        minimum = new double[bins];
        pending = new double[bins];
        presence = new double[bins];
        noise = new double[bins];
    }

    /** Takes one frame's periodogram |Y(k)|² and returns the noise estimate (owned by this tracker: do not keep). */
    double[] update(double[] power) {
        for (int k = 0; k < bins; k++) {
            double local = 0.25 * power[Math.max(0, k - 1)] + 0.5 * power[k] + 0.25 * power[Math.min(bins - 1, k + 1)];
            if (frames < LEARNING_FRAMES) {
                noise[k] = (noise[k] * frames + power[k]) / (frames + 1);
                smoothed[k] = minimum[k] = pending[k] = frames == 0 ? local : (smoothed[k] * frames + local) / (frames + 1);
                continue;
            }
            smoothed[k] = POWER_SMOOTHING * smoothed[k] + (1 - POWER_SMOOTHING) * local;
            minimum[k] = Math.min(minimum[k], smoothed[k]);
            pending[k] = Math.min(pending[k], smoothed[k]);
        }
        if (frames > LEARNING_FRAMES && frames % window == 0) {
            for (int k = 0; k < bins; k++) {
                minimum[k] = Math.min(pending[k], smoothed[k]);
                pending[k] = smoothed[k];
            }
        }
        if (frames >= LEARNING_FRAMES) {
            for (int k = 0; k < bins; k++) {
                double speech = smoothed[k] > SPEECH_RATIO * minimum[k] ? 1 : 0;
                presence[k] = PRESENCE_SMOOTHING * presence[k] + (1 - PRESENCE_SMOOTHING) * speech;
                double a = NOISE_SMOOTHING + (1 - NOISE_SMOOTHING) * presence[k];
                noise[k] = a * noise[k] + (1 - a) * power[k];
                // never above what the minimum statistics allow (a first frame of speech must not stay the noise)
                noise[k] = Math.min(noise[k], 2.5 * minimum[k] + 1e-12);
            }
        }
        frames++;
        return noise;
    }
}
