package dev.timbre.soundgeneration.recipes;

/**
 * A second-order IIR filter (RBJ audio-EQ cookbook: low-pass, high-pass, band-pass with constant 0 dB peak), direct
 * form I. Its coefficients may be retuned between samples ({@link #tune}) for sweeps. Not thread-safe.
 */
final class Biquad {
    enum Kind { LOW, HIGH, BAND }

    private final Kind kind;
    private final int rate;
    private double b0, b1, b2, a1, a2, x1, x2, y1, y2;

    Biquad(Kind kind, int rate, double hz, double q) {
        this.kind = kind;
        this.rate = rate;
        tune(hz, q);
    }

    /** Retunes to a new centre/cut-off (clamped to 10 Hz … 0.45 × rate) and Q, keeping the filter's state. */
    void tune(double hz, double q) {
        double w = 2 * Math.PI * Math.max(10, Math.min(0.45 * rate, hz)) / rate;
        double cos = Math.cos(w), alpha = Math.sin(w) / (2 * q), a0 = 1 + alpha;
        switch (kind) {
            case LOW -> { b0 = (1 - cos) / 2; b1 = 1 - cos; b2 = b0; }
            case HIGH -> { b0 = (1 + cos) / 2; b1 = -(1 + cos); b2 = b0; }
            case BAND -> { b0 = alpha; b1 = 0; b2 = -alpha; }
        }
        b0 /= a0; b1 /= a0; b2 /= a0;
        a1 = -2 * cos / a0;
        a2 = (1 - alpha) / a0;
    }

    double next(double x) {
        double y = b0 * x + b1 * x1 + b2 * x2 - a1 * y1 - a2 * y2;
        x2 = x1; x1 = x;
        y2 = y1; y1 = y;
        return y;
    }
}
