package dev.timbre.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class PitchTrackerTest {
    private static double[] voiced(double[] f0) { return Arrays.stream(f0).filter(f -> !Double.isNaN(f)).toArray(); }

    @ParameterizedTest
    @ValueSource(doubles = {80, 120, 165, 220, 310})
    void aSteadyVoiceIsTrackedWithinOnePercent(double hz) {
        double[] f0 = PitchTracker.track(VoiceLikeTone.glide(300, hz, hz));
        assertThat(f0).hasSize((4800 - PitchTracker.WINDOW - 267) / PitchTracker.HOP + 1);
        for (double f : f0) assertThat(f).isCloseTo(hz, within(hz * 0.01));
    }

    @Test
    void aPureSineIsTrackedToo() {
        short[] s = new short[4800];
        for (int i = 0; i < s.length; i++) s[i] = (short) (6000 * Math.sin(2 * Math.PI * 200 * i / 16000));
        for (double f : PitchTracker.track(s)) assertThat(f).isCloseTo(200, within(2.0));
    }

    @Test
    void aWeakFundamentalGivesNoOctaveError() {
        short[] s = new short[4800];
        for (int i = 0; i < s.length; i++) {
            double t = 2 * Math.PI * 110 * i / 16000;
            s[i] = (short) (1000 * Math.sin(t) + 5000 * Math.sin(2 * t) + 3000 * Math.sin(3 * t));
        }
        for (double f : PitchTracker.track(s)) assertThat(f).isCloseTo(110, within(2.0));
    }

    @Test
    void aGlideIsFollowed() {
        double[] f0 = PitchTracker.track(VoiceLikeTone.glide(400, 200, 120));
        assertThat(f0[0]).isGreaterThan(185);
        assertThat(f0[f0.length - 1]).isLessThan(140);
        for (int i = 1; i < f0.length; i++) assertThat(f0[i]).isLessThanOrEqualTo(f0[i - 1] + 0.5);
    }

    @Test
    void silenceAndNoiseAreUnvoiced() {
        assertThat(voiced(PitchTracker.track(new short[4800]))).isEmpty();
        Random r = new Random(7);
        short[] noise = new short[4800];
        for (int i = 0; i < noise.length; i++) noise[i] = (short) (r.nextGaussian() * 3000);
        assertThat(voiced(PitchTracker.track(noise)).length).isLessThanOrEqualTo(2);
    }

    @Test
    void tooLittleAudioGivesNoEstimate() {
        assertThat(PitchTracker.track(new short[500])).isEmpty();
    }
}
