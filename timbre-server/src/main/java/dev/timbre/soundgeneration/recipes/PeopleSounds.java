package dev.timbre.soundgeneration.recipes;

/** People and rooms: footsteps, door, knock, applause, crowd. Stateless. */
final class PeopleSounds {
    private PeopleSounds() {}

    /** Steps every ~0.55 s: a low thud (heel) and a scuff (toe) a few tens of ms later. */
    static void footsteps(float[] out, int rate, Noise n, double v) {
        double interval = Layer.jitter(n, 0.55, 0.2, v);
        for (int k = 0, at = (int) (0.1 * rate); at < out.length; k++, at += (int) (interval * rate * n.between(0.95, 1.05))) {
            double gain = k % 2 == 0 ? 1 : 0.85;
            Layer.ring(out, rate, at, n.between(70, 110), 0.025, 0.9 * gain);
            Layer.burst(out, rate, n, at, 400, 1, 0.015, 1.5 * gain);
            Layer.burst(out, rate, n, at + (int) (0.04 * rate), 2500, 1.5, 0.02, 0.4 * gain);
        }
    }

    /** A creaking door (a slow, rough, pitch-wandering sawtooth through a resonance) closing with a thud. */
    static void door(float[] out, int rate, Noise n, double v) {
        double len = Math.max(0.3, out.length / (double) rate - 0.6), phase = 0;
        Biquad wood = new Biquad(Biquad.Kind.BAND, rate, 900, 3);
        for (int i = 0; i < len * rate && i < out.length; i++) {
            double t = i / (double) rate;
            double pitch = 90 + 60 * Math.sin(2 * Math.PI * 0.4 * t) + 15 * n.white();
            phase += pitch / rate;
            double env = Math.sin(Math.PI * Math.min(1, t / len));
            out[i] += (float) (0.9 * env * wood.next((phase % 1) * 2 - 1));
        }
        int thud = (int) Math.min(out.length - 1, len * rate);
        Layer.ring(out, rate, thud, 65, 0.08, 1.0);
        Layer.burst(out, rate, n, thud, 250, 1, 0.05, 2);
    }

    /** Knocks on a wooden door: groups of three, each a struck resonance with a click. */
    static void knock(float[] out, int rate, Noise n, double v) {
        double hz = Layer.jitter(n, 180, 0.2, v);
        for (int group = (int) (0.1 * rate); group < out.length; group += 2 * rate) {
            for (int k = 0; k < 3; k++) {
                int at = group + (int) (k * 0.18 * rate);
                Layer.ring(out, rate, at, hz, 0.03, 1.0);
                Layer.ring(out, rate, at, hz * 2.3, 0.012, 0.4);
                Layer.burst(out, rate, n, at, 1800, 2, 0.003, 0.8);
            }
        }
    }

    /** Applause: many independent claps (band-passed bursts) at a dense, uneven rate. */
    static void applause(float[] out, int rate, Noise n, double v) {
        double perSecond = Layer.jitter(n, 60, 0.4, v);
        for (int i = 0; i < out.length; i++) {
            if (n.random.nextDouble() < perSecond / rate) Layer.burst(out, rate, n, i, n.between(900, 2500), 1.2, 0.008, n.between(0.3, 0.8));
        }
    }

    /** Crowd murmur: eight "talkers", each noise through two formant band-passes, gated at a syllable rate. */
    static void crowd(float[] out, int rate, Noise n, double v) {
        for (int talker = 0; talker < 8; talker++) {
            Noise t = n.fork();
            Biquad f1 = new Biquad(Biquad.Kind.BAND, rate, t.between(400, 800), 4);
            Biquad f2 = new Biquad(Biquad.Kind.BAND, rate, t.between(1100, 2200), 5);
            double syllable = t.between(3, 5.5), offset = t.between(0, 1);
            for (int i = 0; i < out.length; i++) {
                double s = i / (double) rate * syllable + offset;
                double gate = Math.max(0, Math.sin(2 * Math.PI * s)) * (0.5 + 0.5 * Math.sin(2 * Math.PI * s / 7.3));
                if (i % 256 == 0) {
                    f1.tune(550 + 200 * Math.sin(2 * Math.PI * s / 2.1), 4);
                    f2.tune(1500 + 500 * Math.sin(2 * Math.PI * s / 3.1), 5);
                }
                double src = t.white();
                out[i] += (float) (0.35 * gate * (f1.next(src) + 0.6 * f2.next(src)));
            }
        }
    }

    /** The default texture for prompts with no known sound: a quiet, slowly breathing room tone. */
    static void ambience(float[] out, int rate, Noise n, double v) {
        Biquad lp = new Biquad(Biquad.Kind.LOW, rate, Layer.jitter(n, 700, 0.4, v), 0.7);
        for (int i = 0; i < out.length; i++) {
            double swell = 0.7 + 0.3 * Math.sin(2 * Math.PI * 0.13 * i / rate);
            out[i] += (float) (0.8 * swell * lp.next(n.pink()));
        }
    }
}
