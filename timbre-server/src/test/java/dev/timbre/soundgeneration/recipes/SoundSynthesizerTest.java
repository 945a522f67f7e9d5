package dev.timbre.soundgeneration.recipes;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Every effect sounds, at the exact length, the same for the same seed; loops are seamless. */
class SoundSynthesizerTest {
    static double rms(float[] x) {
        double s = 0;
        for (float v : x) s += v * v;
        return Math.sqrt(s / x.length);
    }

    @Test
    void everyEffectSoundsAtTheExactLength() {
        for (Vocabulary.Effect e : Vocabulary.EFFECTS) {
            SoundRecipe r = SoundRecipe.read(e.words().get(0));
            assertThat(r.effects()).as(e.name()).containsExactly(e.name());
            float[] x = SoundSynthesizer.render(r, 2.37, false, 0.7, 42);
            assertThat(x).as(e.name()).hasSize((int) Math.round(2.37 * SoundSynthesizer.RATE));
            assertThat(rms(x)).as(e.name()).isGreaterThan(0.01);
            float peak = 0;
            for (float v : x) peak = Math.max(peak, Math.abs(v));
            assertThat((double) peak).as(e.name()).isBetween(0.85, 0.9);
        }
    }

    @Test
    void promptsLayerWhatTheyName() {
        SoundRecipe r = SoundRecipe.read("Heavy rain and rolling thunder over a campfire in a cave");
        assertThat(r.effects()).containsExactly("rain", "thunder", "fire");
        assertThat(r.space()).isGreaterThan(0.5);
        assertThat(SoundRecipe.read("Spacious braam suitable for high-impact movie trailer moments").effects()).containsExactly("explosion");
    }

    @Test
    void unknownWordsGiveTheDefaultTexture() {
        SoundRecipe r = SoundRecipe.read("zxq plorf");
        assertThat(r.effects()).containsExactly("ambience");
        assertThat(rms(SoundSynthesizer.render(r, 1, false, 0.7, 1))).isGreaterThan(0.01);
    }

    @Test
    void sameSeedSameSoundOtherSeedOtherSound() {
        SoundRecipe r = SoundRecipe.read("rain");
        assertThat(SoundSynthesizer.render(r, 1, false, 0.7, 5)).containsExactly(SoundSynthesizer.render(r, 1, false, 0.7, 5));
        assertThat(SoundSynthesizer.render(r, 1, false, 0.7, 5)).isNotEqualTo(SoundSynthesizer.render(r, 1, false, 0.7, 6));
    }

    @Test
    void loopsAreSeamless() {
        for (String prompt : new String[] {"rain", "wind", "engine", "crowd", "fire", "water"}) {
            float[] x = SoundSynthesizer.render(SoundRecipe.read(prompt), 3, true, 0.7, 9);
            assertThat(x).hasSize(3 * SoundSynthesizer.RATE);
            assertThat(Loops.seamRatio(x)).as(prompt).isLessThanOrEqualTo(1.0);
        }
    }
}
