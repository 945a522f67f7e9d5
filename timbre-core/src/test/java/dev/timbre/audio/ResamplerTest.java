package dev.timbre.audio;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ResamplerTest {
    static short[] sine(double freq, int rate, int n, double phaseSeconds) {
        short[] s = new short[n];
        for (int i = 0; i < n; i++) s[i] = (short) Math.round(8000 * Math.sin(2 * Math.PI * freq * (i / (double) rate + phaseSeconds)));
        return s;
    }

    @ParameterizedTest
    @CsvSource({"16000,48000", "16000,44100", "16000,8000", "24000,22050", "22050,16000", "48000,8000", "44100,48000", "11025,44101", "16000,16000"})
    void chunked_output_equals_whole_output_and_has_the_exact_length(int from, int to) {
        byte[] input = Pcm.toBytes(sine(440, from, (int) (from * 1.5), 0));
        byte[] whole = Resampler.resampleAll(input, from, to);
        assertThat(whole.length / 2).isEqualTo((int) ((long) input.length / 2 * to / from));

        Random random = new Random(from + to);
        Resampler r = new Resampler(from, to);
        ByteArrayOutputStream chunked = new ByteArrayOutputStream();
        for (int pos = 0; pos < input.length; ) {
            int n = Math.min(input.length - pos, random.nextInt(700)); // odd sizes and empty chunks included
            chunked.writeBytes(r.resample(input, pos, n));
            pos += n;
        }
        chunked.writeBytes(r.finish());
        assertThat(chunked.toByteArray()).isEqualTo(whole);
    }

    @ParameterizedTest
    @CsvSource({"16000,48000", "16000,44100", "16000,8000", "24000,22050", "44100,16000"})
    void a_tone_comes_out_as_the_same_tone_at_the_new_rate(int from, int to) {
        int n = from;
        short[] out = Pcm.toSamples(Resampler.resampleAll(Pcm.toBytes(sine(440, from, n, 0)), from, to), 0, 2 * to);
        short[] ideal = sine(440, to, to, 0);
        double err = 0;
        for (int i = to / 20; i < to - to / 20; i++) err = Math.max(err, Math.abs(out[i] - ideal[i]));
        assertThat(err).as("largest deviation from the ideal tone away from the edges").isLessThan(40);
    }

    @ParameterizedTest
    @CsvSource({"48000,8000", "44100,16000", "16000,8000"})
    void downsampling_removes_what_the_new_rate_cannot_hold(int from, int to) {
        double alias = to * 0.6; // above the new Nyquist frequency
        short[] out = Pcm.toSamples(Resampler.resampleAll(Pcm.toBytes(sine(alias, from, from, 0)), from, to), 0, 2 * to);
        short[] middle = java.util.Arrays.copyOfRange(out, to / 10, to - to / 10);
        assertThat(Pcm.rms(Pcm.toBytes(middle))).isLessThan(8000 / Math.sqrt(2) / 100); // at least 40 dB down
    }
}
