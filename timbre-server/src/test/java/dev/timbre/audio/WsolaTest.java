package dev.timbre.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.api.Test;

/** WSOLA changes the duration, not the pitch. */
class WsolaTest {
    static short[] tone(double hz, int samples, int rate) {
        short[] s = new short[samples];
        for (int i = 0; i < samples; i++) s[i] = (short) (8000 * Math.sin(2 * Math.PI * hz * i / rate));
        return s;
    }

    /** Frequency by counting upward zero crossings in the middle 80 %. */
    static double frequency(short[] s, int rate) {
        int from = s.length / 10, to = s.length * 9 / 10, crossings = 0;
        for (int i = from + 1; i < to; i++) if (s[i - 1] < 0 && s[i] >= 0) crossings++;
        return crossings / ((to - from) / (double) rate);
    }

    @Test
    void stretching_keeps_the_pitch_and_hits_the_length() {
        short[] in = tone(220, 16000, 16000);
        for (double factor : new double[] {0.6, 1.0, 1.7}) {
            short[] out = Wsola.stretch(in, (int) (16000 * factor), 16000);
            assertThat(out).hasSize((int) (16000 * factor));
            assertThat(frequency(out, 16000)).as("factor %s", factor).isCloseTo(220, offset(6.0));
            double rms = 0;
            for (int i = out.length / 10; i < out.length * 9 / 10; i++) rms += (double) out[i] * out[i];
            assertThat(Math.sqrt(rms / (out.length * 0.8))).as("no gaps or doubling").isBetween(8000 / Math.sqrt(2) * 0.85, 8000 / Math.sqrt(2) * 1.15);
        }
    }

    @Test
    void empty_input_gives_silence_of_the_length() {
        assertThat(Wsola.stretch(new short[0], 100, 16000)).hasSize(100).containsOnly((short) 0);
    }
}
