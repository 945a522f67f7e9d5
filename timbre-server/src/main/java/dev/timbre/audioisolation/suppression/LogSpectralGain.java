package dev.timbre.audioisolation.suppression;

/**
 * The minimum mean-square error log-spectral amplitude gain (Ephraim &amp; Malah 1985): for a bin with a-priori SNR
 * ξ and a-posteriori SNR γ, G = ξ/(1+ξ) · exp(½·E1(v)) with v = γξ/(1+ξ), capped at 1. It keeps strong bins nearer
 * their level than a Wiener gain does (less speech distortion) and is what {@link NoiseSuppressor} applies above its
 * floor. Stateless.
 */
final class LogSpectralGain {
    /** The smallest a-priori SNR used (−25 dB): below it the gain stops falling and the floor decides. */
    static final double MIN_PRIOR = 0.003;

    private LogSpectralGain() {}

    /** @param prior ξ, a power ratio ≥ 0 @param posterior γ, a power ratio ≥ 0 */
    static double of(double prior, double posterior) {
        double xi = Math.max(prior, MIN_PRIOR);
        double w = xi / (1 + xi);
        return Math.min(1, w * Math.exp(0.5 * exponentialIntegral(w * posterior)));
    }

    /** E1(x) = ∫ₓ^∞ e^−t/t dt for x &gt; 0 (power series below 1, continued fraction above; relative error &lt; 1e−9). */
    static double exponentialIntegral(double x) {
        if (x <= 1e-300) return 690; // E1 grows like −ln x; exp(½·690) is far past any gain cap
        if (x < 1) {
            double sum = 0, term = 1;
            for (int k = 1; k < 40; k++) {
                term *= -x / k;
                sum += term / k;
                if (Math.abs(term) < 1e-17) break;
            }
            return -0.5772156649015329 - Math.log(x) - sum;
        }
        // modified Lentz evaluation of the continued fraction e^−x / (x + 1 − 1²/(x + 3 − 2²/(x + 5 − …)))
        double b = x + 1, c = 1e300, d = 1 / b, h = d;
        for (int i = 1; i < 200; i++) {
            double a = -(double) i * i;
            b += 2;
            d = 1 / (a * d + b);
            c = b + a / c;
            double delta = c * d;
            h *= delta;
            if (Math.abs(delta - 1) < 1e-12) break;
        }
        return h * Math.exp(-x);
    }
}
