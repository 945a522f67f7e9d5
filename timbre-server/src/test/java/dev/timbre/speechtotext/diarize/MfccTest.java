package dev.timbre.speechtotext.diarize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MfccTest {
    static float[] tone(double hz, double seconds) {
        float[] x = new float[(int) (seconds * 16000)];
        for (int i = 0; i < x.length; i++) x[i] = (float) (0.5 * Math.sin(2 * Math.PI * hz * i / 16000));
        return x;
    }

    @Test
    void fft_of_a_bin_centred_sine_peaks_in_its_bin() {
        Fft fft = new Fft(512);
        double[] frame = new double[512];
        for (int i = 0; i < 512; i++) frame[i] = Math.cos(2 * Math.PI * 37 * i / 512);
        double[] p = fft.powerSpectrum(frame);
        assertThat(p[37]).isCloseTo(256.0 * 256.0, within(1e-6));
        for (int k = 0; k < p.length; k++) if (k != 37) assertThat(p[k]).isLessThan(1e-6);
    }

    @Test
    void mel_scale_round_trips() {
        assertThat(Mfcc.hzToMel(1000)).isCloseTo(1000, within(0.5));
        assertThat(Mfcc.melToHz(Mfcc.hzToMel(3210))).isCloseTo(3210, within(1e-6));
    }

    @ParameterizedTest
    @ValueSource(doubles = {200, 500, 1000, 2500, 6000})
    void a_tone_lands_in_the_mel_filter_centred_nearest_it(double hz) {
        Mfcc mfcc = new Mfcc(16000);
        double[] mel = mfcc.logMel(tone(hz, 0.1), 400);
        int loudest = 0;
        for (int m = 1; m < mel.length; m++) if (mel[m] > mel[loudest]) loudest = m;
        int nearest = 0;
        for (int m = 1; m < Mfcc.FILTERS; m++) {
            if (Math.abs(Mfcc.hzToMel(mfcc.centreHz(m)) - Mfcc.hzToMel(hz)) < Math.abs(Mfcc.hzToMel(mfcc.centreHz(nearest)) - Mfcc.hzToMel(hz))) nearest = m;
        }
        assertThat(loudest).isEqualTo(nearest);
        assertThat(mel[loudest] - mel[(loudest + 8) % Mfcc.FILTERS]).isGreaterThan(5); // far bands are much weaker
    }

    @Test
    void coefficients_per_frame_are_deterministic_and_reflect_the_spectrum() {
        Mfcc mfcc = new Mfcc(16000);
        float[] low = tone(300, 0.5), high = tone(4000, 0.5);
        double[][] a = mfcc.compute(low, 0, low.length), b = mfcc.compute(high, 0, high.length);
        assertThat(a.length).isEqualTo(mfcc.frames(low.length)).isEqualTo(1 + (8000 - 400) / 160);
        assertThat(a[0]).hasSize(Mfcc.COEFFICIENTS).containsExactly(mfcc.compute(low, 0, low.length)[0]);
        // c1 measures spectral tilt: energy low in frequency gives a larger c1 than energy high up
        assertThat(a[10][1]).isGreaterThan(b[10][1]);
    }

    @Test
    void pitch_of_a_tone_and_of_silence() {
        assertThat(Pitch.median(tone(220, 0.5), 16000, 0, 8000)).isCloseTo(220, within(2.0));
        assertThat(Pitch.median(tone(110, 0.5), 16000, 0, 8000)).isCloseTo(110, within(1.0));
        assertThat(Pitch.median(new float[8000], 16000, 0, 8000)).isNaN();
    }
}
