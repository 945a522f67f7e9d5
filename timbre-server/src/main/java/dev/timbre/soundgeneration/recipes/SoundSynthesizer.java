package dev.timbre.soundgeneration.recipes;

import java.util.List;

/**
 * Renders a {@link SoundRecipe} to mono floats at {@link #RATE}: each layer rendered with its own forked generator
 * (from one seed: the same prompt, seed and settings give the same samples), mixed with the first layer loudest,
 * reverberated when the prompt asks for a space, faded in and out over 5 ms (or, for a loop, made seamless by
 * crossfading the rendered tail into the head), and normalised to a peak of −1 dBFS. The length is exactly
 * {@code round(seconds × RATE)} samples. Stateless and thread-safe; the work is on the calling thread.
 */
public final class SoundSynthesizer {
    public static final int RATE = 44100;
    static final double PEAK = 0.89;

    private SoundSynthesizer() {}

    /** @param variation 0..1 (1 − prompt_influence) */
    public static float[] render(SoundRecipe recipe, double seconds, boolean loop, double variation, long seed) {
        int length = (int) Math.round(seconds * RATE);
        int crossfade = loop ? Math.min(RATE / 2, length / 4) : 0;
        float[] mix = new float[length + crossfade];
        Noise noise = new Noise(seed);
        List<Vocabulary.Effect> layers = recipe.layers();
        for (int i = 0; i < layers.size(); i++) {
            float[] layer = new float[mix.length];
            layers.get(i).layer().render(layer, RATE, noise.fork(), variation);
            normalise(layer, i == 0 ? 1 : 0.6);
            for (int k = 0; k < mix.length; k++) mix[k] += layer[k];
        }
        if (recipe.space() > 0) Reverb.apply(mix, RATE, recipe.space(), 0.25 + 0.2 * recipe.space());
        float[] out = loop ? Loops.seamless(mix, length, crossfade) : fade(mix);
        normalise(out, PEAK);
        return out;
    }

    private static float[] fade(float[] x) {
        int ramp = Math.min(x.length / 2, RATE / 200);
        for (int i = 0; i < ramp; i++) {
            float g = (float) i / ramp;
            x[i] *= g;
            x[x.length - 1 - i] *= g;
        }
        return x;
    }

    private static void normalise(float[] x, double peak) {
        float max = 0;
        for (float v : x) max = Math.max(max, Math.abs(v));
        if (max < 1e-9f) return;
        float g = (float) (peak / max);
        for (int i = 0; i < x.length; i++) x[i] *= g;
    }
}
