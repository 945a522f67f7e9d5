package dev.timbre.soundgeneration.recipes;

/**
 * One sound in a recipe: adds its samples (floats, roughly ±1) to {@code out} at {@code rate} Hz over the whole
 * length. {@code variation} 0..1 (from {@code prompt_influence}: 1 − influence) widens the random spread of its
 * parameters. Implementations are stateless; all randomness comes from {@code noise}.
 */
@FunctionalInterface
interface Layer {
    void render(float[] out, int rate, Noise noise, double variation);

    /** A parameter jittered by up to ±{@code spread} × variation of itself. */
    static double jitter(Noise n, double value, double spread, double variation) {
        return value * (1 + spread * variation * n.between(-1, 1));
    }

    /** A short decaying noise burst through a band-pass (claps, steps, clicks, droplets) added at sample {@code at}. */
    static void burst(float[] out, int rate, Noise n, int at, double hz, double q, double decaySeconds, double gain) {
        Biquad f = new Biquad(Biquad.Kind.BAND, rate, hz, q);
        int len = (int) (decaySeconds * rate * 5);
        for (int i = 0; i < len && at + i < out.length; i++) {
            if (at + i < 0) continue;
            double env = Math.exp(-i / (decaySeconds * rate));
            out[at + i] += (float) (gain * env * f.next(n.white()));
        }
    }

    /** A damped sine (a struck resonance: knocks, thuds, ticks) added at sample {@code at}. */
    static void ring(float[] out, int rate, int at, double hz, double decaySeconds, double gain) {
        int len = (int) (decaySeconds * rate * 6);
        for (int i = 0; i < len && at + i < out.length; i++) {
            if (at + i < 0) continue;
            out[at + i] += (float) (gain * Math.exp(-i / (decaySeconds * rate)) * Math.sin(2 * Math.PI * hz * i / rate));
        }
    }
}
