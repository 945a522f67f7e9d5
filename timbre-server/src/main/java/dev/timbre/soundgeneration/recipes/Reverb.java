package dev.timbre.soundgeneration.recipes;

/**
 * Schroeder reverberation (four parallel feedback combs, two series all-passes; Freeverb-like tunings scaled to the
 * rate), mixed in place. {@code size} 0..1 sets the decay (small room … hall). Stateless between calls.
 */
final class Reverb {
    private static final int[] COMBS = {1116, 1188, 1277, 1356};
    private static final int[] ALLPASSES = {556, 441};

    private Reverb() {}

    static void apply(float[] x, int rate, double size, double wet) {
        double scale = rate / 44100.0, feedback = 0.7 + 0.28 * size;
        float[] out = new float[x.length];
        for (int d : COMBS) {
            int len = Math.max(1, (int) (d * scale * (0.6 + size)));
            double[] buf = new double[len];
            double damp = 0;
            for (int i = 0, p = 0; i < x.length; i++, p = (p + 1) % len) {
                double y = buf[p];
                damp = 0.7 * y + 0.3 * damp; // high frequencies die first
                buf[p] = x[i] + feedback * damp;
                out[i] += (float) (y / COMBS.length);
            }
        }
        for (int d : ALLPASSES) {
            int len = Math.max(1, (int) (d * scale));
            double[] buf = new double[len];
            for (int i = 0, p = 0; i < out.length; i++, p = (p + 1) % len) {
                double b = buf[p];
                buf[p] = out[i] + 0.5 * b;
                out[i] = (float) (b - 0.5 * buf[p]);
            }
        }
        for (int i = 0; i < x.length; i++) x[i] = (float) ((1 - wet) * x[i] + wet * out[i]);
    }
}
