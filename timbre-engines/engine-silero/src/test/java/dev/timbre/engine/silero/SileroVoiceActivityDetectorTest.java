package dev.timbre.engine.silero;

import static org.assertj.core.api.Assertions.assertThat;

import dev.timbre.audio.Pcm;
import dev.timbre.engine.SpeechRequest;
import dev.timbre.engine.TextToSpeech;
import dev.timbre.engine.VoiceActivityDetector;
import dev.timbre.engine.marytts.MaryTextToSpeech;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Silence (with faint noise) / MaryTTS speech / silence / speech / silence at 16 kHz: the detectors must mark the
 * speech and not the silence. Regions are judged by their frames' majority, away from the edges.
 */
@Tag("integration")
class SileroVoiceActivityDetectorTest {
    static final int RATE = 16000;
    static SileroModel model;
    static short[] audio;
    static int[][] speech; // [start, end) in samples

    @BeforeAll
    static void setUp() throws Exception {
        model = SileroModel.load();
        try (TextToSpeech mary = new MaryTextToSpeech()) {
            short[] a = say(mary, "Hello, I would like to check the status of my order please.");
            short[] b = say(mary, "Thank you very much, that is all for today.");
            Random noise = new Random(1);
            int s1 = RATE, e1 = s1 + a.length, s2 = e1 + RATE, e2 = s2 + b.length;
            short[] all = new short[e2 + RATE];
            for (int i = 0; i < all.length; i++) all[i] = (short) (noise.nextGaussian() * 30); // about -60 dBFS
            for (int i = 0; i < a.length; i++) all[s1 + i] += a[i];
            for (int i = 0; i < b.length; i++) all[s2 + i] += b[i];
            audio = all;
            speech = new int[][] {{s1, e1}, {s2, e2}};
        }
    }

    @AfterAll
    static void tearDown() { model.close(); }

    static short[] say(TextToSpeech tts, String text) throws InterruptedException {
        TextToSpeech.Speech s = tts.synthesize(new SpeechRequest(text, "cmu-slt-hsmm", "en", null, null));
        byte[] pcm = Pcm.resample(s.pcm(), s.format().sampleRate(), RATE);
        return Pcm.toSamples(pcm, 0, pcm.length);
    }

    /** The share of frames judged speech (probability ≥ 0.5) within [from, to) samples. */
    static double speechShare(VoiceActivityDetector vad, float[] p, int from, int to) {
        int n = vad.frameSamples(), yes = 0, all = 0;
        for (int f = from / n; f < Math.min(p.length, to / n); f++, all++) if (p[f] >= 0.5f) yes++;
        return all == 0 ? 0 : (double) yes / all;
    }

    static float[] score(VoiceActivityDetector vad) {
        int n = vad.frameSamples();
        float[] p = new float[audio.length / n];
        short[] frame = new short[n];
        for (int f = 0; f < p.length; f++) {
            System.arraycopy(audio, f * n, frame, 0, n);
            p[f] = vad.speechProbability(frame);
        }
        return p;
    }

    void assertFindsTheSpeech(VoiceActivityDetector vad, double minSpeech, double maxSilence) {
        long t0 = System.nanoTime();
        float[] p = score(vad);
        double ms = (System.nanoTime() - t0) / 1e6, audioMs = audio.length * 1000.0 / RATE;
        int margin0 = RATE / 5;
        System.out.printf("%s: %d frames (%.1f s of audio) in %.1f ms, RTF %.4f; speech frames in the two utterances %.0f%% / %.0f%%, in the pause %.0f%%%n",
                vad.getClass().getSimpleName(), p.length, audioMs / 1000, ms, ms / audioMs,
                100 * speechShare(vad, p, speech[0][0] + margin0, speech[0][1] - margin0),
                100 * speechShare(vad, p, speech[1][0] + margin0, speech[1][1] - margin0),
                100 * speechShare(vad, p, speech[0][1] + margin0, speech[1][0] - margin0));
        int margin = RATE / 5; // 200 ms from each edge
        for (int[] s : speech) assertThat(speechShare(vad, p, s[0] + margin, s[1] - margin)).as("speech %d–%d", s[0], s[1]).isGreaterThanOrEqualTo(minSpeech);
        assertThat(speechShare(vad, p, margin, speech[0][0] - margin)).as("leading silence").isLessThanOrEqualTo(maxSilence);
        assertThat(speechShare(vad, p, speech[0][1] + margin, speech[1][0] - margin)).as("pause").isLessThanOrEqualTo(maxSilence);
        assertThat(speechShare(vad, p, speech[1][1] + margin, audio.length - margin)).as("trailing silence").isLessThanOrEqualTo(maxSilence);
    }

    @Test
    void sileroMarksSpeechAndNotSilence() {
        try (SileroVoiceActivityDetector vad = model.open()) {
            assertFindsTheSpeech(vad, 0.6, 0.05);
        }
    }

    /**
     * How long after an utterance's last loud 20 ms window (RMS above 200, about -44 dBFS: where a listener hears the
     * speech end) Silero still says speech: this tail adds to every end-of-turn silence the voice pipeline waits for.
     */
    @Test
    void sileroLetsGoOfSpeechSoonAfterItsLastLoudSample() {
        try (SileroVoiceActivityDetector vad = model.open()) {
            float[] p = score(vad);
            int n = vad.frameSamples();
            for (int[] s : speech) {
                int loudEnd = s[0];
                for (int w = s[0]; w + 320 <= s[1]; w += 320) {
                    double sum = 0;
                    for (int i = w; i < w + 320; i++) sum += (double) audio[i] * audio[i];
                    if (Math.sqrt(sum / 320) > 200) loudEnd = w + 320;
                }
                int lastVoiced = -1;
                for (int f = s[0] / n; f < Math.min(p.length, (s[1] + RATE / 2) / n); f++) if (p[f] >= 0.5f) lastVoiced = f;
                double tailMs = ((lastVoiced + 1) * n - loudEnd) * 1000.0 / RATE;
                System.out.printf("Silero: last voiced frame ends %.0f ms after the last loud sample%n", tailMs);
                assertThat(tailMs).as("Silero's tail after the speech").isBetween(-100.0, 250.0);
            }
        }
    }

    @Test
    void theEnergyFallbackMarksCleanSpeechToo() {
        assertFindsTheSpeech(new EnergyVoiceActivityDetector(), 0.5, 0.1);
    }

    @Test
    void streamsKeepTheirOwnStateAndResetForgetsIt() {
        short[] frame = new short[SileroVoiceActivityDetector.FRAME];
        System.arraycopy(audio, speech[0][0] + RATE / 2, frame, 0, frame.length);
        try (SileroVoiceActivityDetector a = model.open(); SileroVoiceActivityDetector b = model.open()) {
            float first = a.speechProbability(frame);
            for (int i = 0; i < 5; i++) a.speechProbability(frame);
            assertThat(b.speechProbability(frame)).as("a fresh stream is not affected by another").isEqualTo(first);
            a.reset();
            assertThat(a.speechProbability(frame)).as("after reset").isEqualTo(first);
        }
    }

    @Test
    void aFrameOfTheWrongSizeIsRefused() {
        try (SileroVoiceActivityDetector vad = model.open()) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> vad.speechProbability(new short[480]))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("512");
        }
    }
}
