package dev.timbre.soundgeneration.recipes;

/** Weather and nature: rain, wind, thunder, water, fire, birds. Stateless. */
final class NatureSounds {
    private NatureSounds() {}

    /** A high hiss of many small drops plus distinct droplets (band-passed clicks) at ~40 a second. */
    static void rain(float[] out, int rate, Noise n, double v) {
        Biquad hiss = new Biquad(Biquad.Kind.HIGH, rate, Layer.jitter(n, 1800, 0.3, v), 0.7);
        for (int i = 0; i < out.length; i++) out[i] += (float) (0.25 * hiss.next(n.pink()));
        double perSecond = Layer.jitter(n, 40, 0.5, v);
        for (int i = 0; i < out.length; i++) {
            if (n.random.nextDouble() < perSecond / rate) {
                Layer.burst(out, rate, n, i, n.between(2000, 6000), 4, 0.004, n.between(0.2, 0.6));
            }
        }
    }

    /** Pink noise through a band-pass whose centre and loudness drift slowly (gusts). */
    static void wind(float[] out, int rate, Noise n, double v) {
        Biquad band = new Biquad(Biquad.Kind.BAND, rate, 500, 1.2);
        double gust = 0.5, target = 0.5;
        for (int i = 0; i < out.length; i++) {
            if (i % (rate / 2) == 0) target = n.between(0.2, 1.0);
            gust += (target - gust) * (1.5 / rate);
            if (i % 64 == 0) band.tune(250 + 900 * gust, 1.5);
            out[i] += (float) (1.6 * gust * band.next(n.pink()));
        }
    }

    /** A crack (bright noise, fast decay) then a long low rumble of brown noise with swells. */
    static void thunder(float[] out, int rate, Noise n, double v) {
        int start = (int) (Layer.jitter(n, 0.15, 0.5, v) * rate);
        Layer.burst(out, rate, n, start, 2500, 0.7, 0.05, 1.2);
        Biquad low = new Biquad(Biquad.Kind.LOW, rate, 180, 0.7);
        double decay = Math.max(1.5, out.length / (double) rate * 0.45);
        for (int i = start; i < out.length; i++) {
            double t = (i - start) / (double) rate;
            double swell = 0.6 + 0.4 * Math.sin(2 * Math.PI * 0.7 * t + n.between(0, 0.01));
            out[i] += (float) (6 * Math.exp(-t / decay) * swell * low.next(n.brown()));
        }
    }

    /** Running water: a band of noise plus bubbles (short rising sine chirps). */
    static void water(float[] out, int rate, Noise n, double v) {
        Biquad band = new Biquad(Biquad.Kind.BAND, rate, Layer.jitter(n, 900, 0.4, v), 0.6);
        for (int i = 0; i < out.length; i++) out[i] += (float) (0.5 * band.next(n.pink()));
        double perSecond = Layer.jitter(n, 25, 0.5, v);
        for (int i = 0; i < out.length; i++) {
            if (n.random.nextDouble() >= perSecond / rate) continue;
            double f0 = n.between(400, 1400), len = n.between(0.01, 0.04), phase = 0, amp = n.between(0.05, 0.2);
            for (int k = 0; k < len * rate && i + k < out.length; k++) {
                double t = k / (double) rate;
                phase += 2 * Math.PI * f0 * (1 + 6 * t / len * 0.3) / rate;
                out[i + k] += (float) (amp * Math.sin(phase) * Math.exp(-t / (len / 3)));
            }
        }
    }

    /** A low roar of filtered noise and crackles (sparse, sharp clicks). */
    static void fire(float[] out, int rate, Noise n, double v) {
        Biquad roar = new Biquad(Biquad.Kind.LOW, rate, 400, 0.7);
        for (int i = 0; i < out.length; i++) out[i] += (float) (1.2 * roar.next(n.brown()));
        double perSecond = Layer.jitter(n, 12, 0.5, v);
        for (int i = 0; i < out.length; i++) {
            if (n.random.nextDouble() < perSecond / rate) Layer.burst(out, rate, n, i, n.between(1500, 5000), 2, 0.002, n.between(0.4, 1.0));
        }
    }

    /** Chirps: fast downward or upward sine sweeps with vibrato, in phrases of a few notes. */
    static void birds(float[] out, int rate, Noise n, double v) {
        double perSecond = Layer.jitter(n, 1.2, 0.5, v);
        for (int i = 0; i < out.length; i++) {
            if (n.random.nextDouble() >= perSecond / rate) continue;
            double base = n.between(2500, 4500);
            int notes = 2 + n.random.nextInt(4);
            int at = i;
            for (int k = 0; k < notes; k++) {
                double len = n.between(0.05, 0.12), sweep = n.between(-0.4, 0.4), phase = 0;
                for (int s = 0; s < len * rate && at + s < out.length; s++) {
                    double t = s / (len * rate);
                    phase += 2 * Math.PI * base * (1 + sweep * t + 0.03 * Math.sin(2 * Math.PI * 30 * s / rate)) / rate;
                    out[at + s] += (float) (0.3 * Math.sin(Math.PI * t) * Math.sin(phase));
                }
                at += (int) ((len + n.between(0.03, 0.08)) * rate);
            }
        }
    }
}
