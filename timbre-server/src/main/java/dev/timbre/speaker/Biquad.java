package dev.timbre.speaker;

/** RBJ second-order (Butterworth, Q = 1/√2) high- and low-pass filters at {@link SpeakerAnalysis#RATE}. Stateless. */
final class Biquad {
    private Biquad() {}

    /** {@code x} filtered into a new array; {@code hz} is the corner frequency. */
    static double[] filter(double[] x, boolean highPass, double hz) {
        double w = 2 * Math.PI * hz / SpeakerAnalysis.RATE, alpha = Math.sin(w) / Math.sqrt(2), cos = Math.cos(w), a0 = 1 + alpha;
        double b0 = (highPass ? (1 + cos) : (1 - cos)) / 2 / a0, b1 = (highPass ? -(1 + cos) : (1 - cos)) / a0, b2 = b0;
        double a1 = -2 * cos / a0, a2 = (1 - alpha) / a0;
        double[] y = new double[x.length];
        double x1 = 0, x2 = 0, y1 = 0, y2 = 0;
        for (int i = 0; i < x.length; i++) {
            double v = b0 * x[i] + b1 * x1 + b2 * x2 - a1 * y1 - a2 * y2;
            x2 = x1;
            x1 = x[i];
            y2 = y1;
            y1 = v;
            y[i] = v;
        }
        return y;
    }
}
