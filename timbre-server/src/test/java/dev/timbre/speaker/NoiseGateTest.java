package dev.timbre.speaker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** remove_background_noise: noise between syllables drops by at least 15 dB, the syllables keep their level. */
class NoiseGateTest {
    private static double db(short[] s, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) sum += (double) s[i] * s[i];
        return 10 * Math.log10(sum / (to - from) + 1e-9);
    }

    @Test
    void noise_in_pauses_is_gated_and_speech_kept() {
        Random r = new Random(1);
        short[] in = new short[16000 * 3];
        for (int i = 0; i < in.length; i++) {
            boolean voiced = i % 8000 < 4000; // 250 ms on, 250 ms off
            double v = (voiced ? 6000 * Math.sin(2 * Math.PI * 180 * i / 16000.0) : 0) + r.nextGaussian() * 150;
            in[i] = (short) v;
        }
        short[] out = NoiseGate.clean(in);
        int pause = 8000 + 5000, tone = 16000 + 1000; // inside a pause, inside a syllable (past the gate's attack)
        assertThat(db(in, pause, pause + 2000) - db(out, pause, pause + 2000)).isGreaterThan(15);
        assertThat(db(out, tone, tone + 2000)).isCloseTo(db(in, tone, tone + 2000), within(1.0));
        assertThat(out).hasSameSizeAs(in);
    }

    @Test
    void mains_hum_is_removed_by_the_high_pass() {
        short[] in = new short[16000];
        for (int i = 0; i < in.length; i++) in[i] = (short) (4000 * Math.sin(2 * Math.PI * 50 * i / 16000.0));
        short[] out = NoiseGate.clean(in);
        assertThat(db(in, 4000, 16000) - db(out, 4000, 16000)).isGreaterThan(6);
    }
}
