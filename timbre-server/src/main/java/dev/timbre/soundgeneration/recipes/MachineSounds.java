package dev.timbre.soundgeneration.recipes;

/** Machines and signals: engine, beep, phone ring, clock tick, explosion, whoosh. Stateless. */
final class MachineSounds {
    private MachineSounds() {}

    /** An idling engine: a pulse train at the firing rate through a low-pass, with mechanical noise and wobble. */
    static void engine(float[] out, int rate, Noise n, double v) {
        double firing = Layer.jitter(n, 38, 0.3, v), phase = 0;
        Biquad body = new Biquad(Biquad.Kind.LOW, rate, 300, 1.5);
        Biquad rattle = new Biquad(Biquad.Kind.BAND, rate, 1200, 1);
        for (int i = 0; i < out.length; i++) {
            double t = i / (double) rate;
            phase += firing * (1 + 0.02 * Math.sin(2 * Math.PI * 0.5 * t)) / rate;
            double pulse = (phase % 1) < 0.25 ? 1 : -0.33;
            out[i] += (float) (0.8 * body.next(pulse + 0.3 * n.white()) + 0.1 * rattle.next(n.white()) * (1 - (phase % 1)));
        }
    }

    /** Electronic beeps: a 1 kHz sine, 0.15 s on, 0.15 s off (a single beep for short clips). */
    static void beep(float[] out, int rate, Noise n, double v) {
        double hz = Layer.jitter(n, 1000, 0.2, v), on = 0.15 * rate, period = 0.3 * rate;
        for (int i = 0; i < out.length; i++) {
            double p = i % period;
            if (p >= on) continue;
            double edge = Math.min(1, Math.min(p, on - p) / (0.005 * rate)); // 5 ms ramps: no clicks
            out[i] += (float) (0.5 * edge * Math.sin(2 * Math.PI * hz * i / rate));
        }
    }

    /** A telephone ring: 440 + 480 Hz, amplitude-modulated at 20 Hz, 2 s on, 1 s off. */
    static void phone(float[] out, int rate, Noise n, double v) {
        for (int i = 0; i < out.length; i++) {
            double t = i / (double) rate, cycle = t % 3;
            if (cycle >= 2) continue;
            double edge = Math.min(1, Math.min(cycle, 2 - cycle) / 0.01);
            double am = 0.6 + 0.4 * Math.sin(2 * Math.PI * 20 * t);
            out[i] += (float) (0.25 * edge * am * (Math.sin(2 * Math.PI * 440 * t) + Math.sin(2 * Math.PI * 480 * t)));
        }
    }

    /** A clock: a tick every second, alternately higher and lower (tick, tock). */
    static void clock(float[] out, int rate, Noise n, double v) {
        for (int k = 0, at = (int) (0.05 * rate); at < out.length; k++, at += rate) {
            Layer.ring(out, rate, at, k % 2 == 0 ? 3200 : 2600, 0.004, 0.8);
            Layer.burst(out, rate, n, at, 5000, 3, 0.002, 0.6);
        }
    }

    /** A blast: a noise burst whose low-pass falls from bright to dark over seconds, and a sub-bass thump. */
    static void explosion(float[] out, int rate, Noise n, double v) {
        Biquad lp = new Biquad(Biquad.Kind.LOW, rate, 4000, 0.8);
        double decay = Layer.jitter(n, 0.9, 0.3, v);
        for (int i = 0; i < out.length; i++) {
            double t = i / (double) rate;
            if (i % 32 == 0) lp.tune(150 + 3800 * Math.exp(-t / 0.25), 0.8);
            double attack = Math.min(1, t / 0.005);
            out[i] += (float) (2.5 * attack * Math.exp(-t / decay) * lp.next(n.white() * 0.5 + n.brown()));
        }
        Layer.ring(out, rate, 0, 45, 0.35, 0.9);
    }

    /** Air passing: noise through a band-pass sweeping up and back down under a rise-and-fall envelope. */
    static void whoosh(float[] out, int rate, Noise n, double v) {
        Biquad band = new Biquad(Biquad.Kind.BAND, rate, 300, 2);
        double len = Math.min(out.length, Layer.jitter(n, 0.9, 0.3, v) * rate);
        int start = (int) Math.max(0, (out.length - len) / 2);
        for (int i = 0; i < len; i++) {
            double x = i / len, env = Math.pow(Math.sin(Math.PI * x), 2);
            if (i % 32 == 0) band.tune(300 + 2500 * env, 2);
            out[start + i] += (float) (2 * env * band.next(n.pink()));
        }
    }
}
