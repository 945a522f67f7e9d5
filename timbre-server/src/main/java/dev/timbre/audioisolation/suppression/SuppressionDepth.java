package dev.timbre.audioisolation.suppression;

/**
 * How deep the suppressor may cut, from how the noise behaves. Stationary noise (hiss, hum, fans) leaves many frames
 * whose power is close to the noise estimate, in speech pauses and in the gaps inside words; babble and similar
 * speech-like noise keep rising far above any estimate, so few frames look like noise alone. The share of noise-like
 * frames, averaged over about a second, sets the gain floor: −24 dB where it is at least {@link #STATIONARY}, −6 dB
 * where it is at most {@link #SPEECH_LIKE}, in between on a dB line. Cutting deep into babble removes as much of the
 * talker as of the crowd and makes a recogniser worse; backing off leaves the mix nearly as it was. Not thread-safe.
 */
final class SuppressionDepth {
    static final double DEEP_FLOOR_DB = -24, SHALLOW_FLOOR_DB = -6;
    static final double STATIONARY = 0.42, SPEECH_LIKE = 0.32;
    /** A frame is noise-like when its band power is under twice the noise estimate's. */
    private static final double NOISE_LIKE_RATIO = 2;
    private static final double SMOOTHING = 0.99;

    private final int low, high;
    private double noiseLikeShare = 0.5;

    /** Looks at bins {@code low} (inclusive) to {@code high} (exclusive): the band where speech has most of its power. */
    SuppressionDepth(int low, int high) {
        this.low = low;
        this.high = high;
    }

    /** Takes one frame's periodogram and noise estimate; returns the gain floor to use for it (a linear amplitude). */
    double floor(double[] power, double[] noise) {
        double p = 0, n = 0;
        for (int k = low; k < high; k++) {
            p += power[k];
            n += noise[k];
        }
        noiseLikeShare = SMOOTHING * noiseLikeShare + (1 - SMOOTHING) * (p < NOISE_LIKE_RATIO * n ? 1 : 0);
        double t = Math.max(0, Math.min(1, (noiseLikeShare - SPEECH_LIKE) / (STATIONARY - SPEECH_LIKE)));
        return Math.pow(10, (SHALLOW_FLOOR_DB + t * (DEEP_FLOOR_DB - SHALLOW_FLOOR_DB)) / 20);
    }
}
