package dev.timbre.audioisolation.suppression;

import static org.assertj.core.api.Assertions.assertThat;

import dev.timbre.audio.FloatSamples;
import dev.timbre.engine.VoiceShape;
import dev.timbre.engine.process.FliteTextToSpeech;
import dev.timbre.speaker.Speakers;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The suppressor on speech we did not make (flite) in white noise: SNR improvement on stationary noise, output
 * aligned with the input and the same length in any block split, silence in → silence out.
 */
class NoiseSuppressorTest {
    static FliteTextToSpeech flite;
    static float[] speech;

    @BeforeAll
    static void speak() throws Exception {
        Assumptions.assumeTrue(FliteTextToSpeech.available(), "flite is needed");
        flite = new FliteTextToSpeech();
        byte[] pcm = Speakers.speak(flite, "slt", "The rest of the week should be mild and dry, with a light wind from the west.", 1, VoiceShape.NEUTRAL);
        speech = FloatSamples.fromPcm(pcm, 0, pcm.length);
    }

    @AfterAll
    static void close() {
        if (flite != null) flite.close();
    }

    static float[] noisy(float[] clean, double snrDb, long seed) {
        Random r = new Random(seed);
        double ps = 0;
        for (float v : clean) ps += v * v;
        double sigma = Math.sqrt(ps / clean.length / Math.pow(10, snrDb / 10));
        float[] out = new float[clean.length];
        for (int i = 0; i < out.length; i++) out[i] = (float) (clean[i] + sigma * r.nextGaussian());
        return out;
    }

    static double snr(float[] clean, float[] x) {
        double s = 0, e = 0;
        for (int i = 0; i < clean.length; i++) {
            s += clean[i] * clean[i];
            e += (x[i] - clean[i]) * (x[i] - clean[i]);
        }
        return 10 * Math.log10(s / e);
    }

    static float[] run(float[] in, int rate, int block) {
        NoiseSuppressor ns = new NoiseSuppressor(rate);
        float[] out = new float[in.length];
        int n = 0;
        for (int off = 0; off < in.length; off += block) {
            float[] got = ns.process(java.util.Arrays.copyOfRange(in, off, Math.min(in.length, off + block)));
            System.arraycopy(got, 0, out, n, got.length);
            n += got.length;
        }
        float[] rest = ns.finish();
        System.arraycopy(rest, 0, out, n, rest.length);
        assertThat(n + rest.length).isEqualTo(in.length);
        return out;
    }

    @Test
    void improvesSnrOnWhiteNoiseByTenDecibels() {
        for (double snrIn : new double[] {0, 5, 10}) {
            float[] in = noisy(speech, snrIn, 7);
            float[] out = run(in, 16000, 16000);
            double gain = snr(speech, out) - snr(speech, in);
            System.out.printf("white noise %.0f dB: in %.1f dB, out %.1f dB%n", snrIn, snr(speech, in), snr(speech, out));
            assertThat(gain).as("SNR improvement at %s dB", snrIn).isGreaterThan(snrIn >= 10 ? 7 : snrIn >= 5 ? 9 : 10);
        }
    }

    @Test
    void blockSizeDoesNotChangeTheOutput() {
        float[] in = noisy(speech, 5, 3);
        assertThat(run(in, 16000, 333)).containsExactly(run(in, 16000, 16000));
    }

    @Test
    void cleanSpeechPassesNearlyUntouched() {
        float[] out = run(speech, 16000, 4096);
        assertThat(snr(speech, out)).isGreaterThan(20);
    }
}
