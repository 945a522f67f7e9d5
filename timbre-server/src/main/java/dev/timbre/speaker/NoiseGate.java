package dev.timbre.speaker;

/**
 * {@code remove_background_noise} for voice samples: a high-pass filter (2nd-order Butterworth at
 * {@link #HIGH_PASS_HZ}: hum and rumble) and a noise-floor gate. The floor is the 10th percentile of the 10 ms frame
 * levels; frames less than {@link #OPEN_DB} above it are attenuated by {@link #ATTENUATION_DB}, with the gain smoothed
 * over about 30 ms so that the gate does not click. Works on a copy; 16 kHz mono s16le. Stateless and thread-safe.
 */
public final class NoiseGate {
    static final double HIGH_PASS_HZ = 80, OPEN_DB = 8, ATTENUATION_DB = 25;
    private static final int FRAME = SpeakerAnalysis.RATE / 100;

    private NoiseGate() {}

    public static short[] clean(short[] in) {
        double[] y = highPass(in);
        int frames = y.length / FRAME;
        if (frames == 0) return toShorts(y);
        double[] db = new double[frames];
        for (int f = 0; f < frames; f++) {
            double sum = 0;
            for (int i = f * FRAME; i < (f + 1) * FRAME; i++) sum += y[i] * y[i];
            db[f] = 10 * Math.log10(sum / FRAME + 1e-3);
        }
        double[] sorted = db.clone();
        java.util.Arrays.sort(sorted);
        double floor = sorted[frames / 10];
        double closed = Math.pow(10, -ATTENUATION_DB / 20), gain = closed;
        double step = 1 - Math.exp(-1.0 / (0.03 * SpeakerAnalysis.RATE));
        for (int i = 0; i < y.length; i++) {
            int f = Math.min(frames - 1, i / FRAME);
            double target = db[f] - floor >= OPEN_DB ? 1 : closed;
            gain += (target - gain) * step;
            y[i] *= gain;
        }
        return toShorts(y);
    }

    private static double[] highPass(short[] x) {
        double[] in = new double[x.length];
        for (int i = 0; i < x.length; i++) in[i] = x[i];
        return Biquad.filter(in, true, HIGH_PASS_HZ);
    }

    private static short[] toShorts(double[] y) {
        short[] out = new short[y.length];
        for (int i = 0; i < y.length; i++) out[i] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, Math.round(y[i])));
        return out;
    }
}
