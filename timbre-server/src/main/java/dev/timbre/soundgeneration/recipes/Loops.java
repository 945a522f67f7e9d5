package dev.timbre.soundgeneration.recipes;

/**
 * Seamless loops: a sound rendered {@code crossfade} samples longer than wanted has its extra tail crossfaded
 * (equal power) into its head, so the last output sample runs straight on into the first, as the rendered sound
 * itself ran on. Stateless.
 */
public final class Loops {
    private Loops() {}

    /** The first {@code length} samples of {@code x} with {@code x[length…length+crossfade)} faded into the head. */
    static float[] seamless(float[] x, int length, int crossfade) {
        float[] out = java.util.Arrays.copyOf(x, length);
        for (int i = 0; i < crossfade; i++) {
            double w = (double) i / crossfade;
            out[i] = (float) (x[i] * Math.sin(0.5 * Math.PI * w) + x[length + i] * Math.cos(0.5 * Math.PI * w));
        }
        return out;
    }

    /**
     * The step across the seam (last sample → first) relative to the 99th percentile of the steps between neighbouring
     * samples inside: at most about 1 for a seamless loop.
     */
    public static double seamRatio(float[] x) {
        float[] steps = new float[x.length - 1];
        for (int i = 1; i < x.length; i++) steps[i - 1] = Math.abs(x[i] - x[i - 1]);
        java.util.Arrays.sort(steps);
        double typical = Math.max(1e-6, steps[(int) (0.99 * (steps.length - 1))]);
        return Math.abs(x[0] - x[x.length - 1]) / typical;
    }
}
