package dev.timbre.speechtospeech;

import static org.assertj.core.api.Assertions.assertThat;

import dev.timbre.audio.Pcm;
import org.junit.jupiter.api.Test;

/** Long runs of digital silence become quiet noise; short ones and sound stay as they are. */
class QuietNoiseTest {
    @Test
    void fillsLongZeroRunsOnly() {
        short[] x = new short[1000];
        for (int i = 0; i < 100; i++) x[i] = 1000;   // sound
        // 100..399 zeros (300: long), 400..409 sound, 410..449 zeros (40: short), 450..459 sound, 460..999 zeros (long, to the end)
        for (int i = 400; i < 410; i++) x[i] = -500;
        for (int i = 450; i < 460; i++) x[i] = 700;
        byte[] pcm = Pcm.toBytes(x);
        new QuietNoise(1).fillZeroRuns(pcm, 160);
        short[] y = Pcm.toSamples(pcm, 0, pcm.length);
        for (int i = 0; i < 100; i++) assertThat(y[i]).isEqualTo((short) 1000);
        for (int i = 400; i < 410; i++) assertThat(y[i]).isEqualTo((short) -500);
        for (int i = 410; i < 450; i++) assertThat(y[i]).isZero();
        assertThat(nonZero(y, 100, 400)).isGreaterThan(250);
        for (int i = 450; i < 460; i++) assertThat(y[i]).isEqualTo((short) 700);
        assertThat(nonZero(y, 460, 1000)).isGreaterThan(450);
        for (short v : y) assertThat(Math.abs(v)).isLessThanOrEqualTo((short) 1000);
        for (int i = 100; i < 400; i++) assertThat(Math.abs(y[i])).isLessThanOrEqualTo(QuietNoise.AMPLITUDE);
    }

    static int nonZero(short[] y, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) if (y[i] != 0) n++;
        return n;
    }
}
