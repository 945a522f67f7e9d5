package dev.timbre.soundgeneration.recipes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Gervill renders General MIDI offline in the test JVM (it has the add-exports flag), with notes where they were put. */
class MidiSoundsTest {
    @Test
    void gervillRendersNotesOfflineAtTheirTimes() throws Exception {
        int rate = SoundSynthesizer.RATE;
        float[] x = MidiSounds.gervill(rate, 2 * rate, List.of(new MidiSounds.Note(1.0, 9, 0, 38, 120, 0.2)));
        assertThat(x).hasSize(2 * rate);
        assertThat(rms(x, 0, rate - rate / 50)).isLessThan(1e-4); // silence before the snare at 1 s
        assertThat(rms(x, rate, rate + rate / 5)).isGreaterThan(0.01);
    }

    @Test
    void midiEffectsSound() {
        for (String prompt : new String[] {"drum roll", "church bells", "a gunshot", "helicopter"}) {
            float[] x = SoundSynthesizer.render(SoundRecipe.read(prompt), 2, false, 0.7, 3);
            assertThat(rms(x, 0, x.length)).as(prompt).isGreaterThan(0.01);
        }
    }

    static double rms(float[] x, int from, int to) {
        double s = 0;
        for (int i = from; i < to; i++) s += x[i] * x[i];
        return Math.sqrt(s / (to - from));
    }
}
