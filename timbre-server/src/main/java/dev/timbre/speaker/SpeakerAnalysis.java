package dev.timbre.speaker;

import dev.timbre.audio.Pcm;
import dev.timbre.audio.PcmFormat;
import dev.timbre.audio.PitchTracker;
import dev.timbre.speechtotext.diarize.Diarizer;
import dev.timbre.speechtotext.diarize.Mfcc;
import dev.timbre.speechtotext.diarize.VoiceActivity;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Measures a speaker from 16 kHz mono speech: speech time ({@link VoiceActivity}), pitch median and range (YIN,
 * {@link PitchTracker}), syllable rate ({@link SyllableNuclei}), spectral centroid and MFCC means over speech frames
 * ({@link Mfcc}), level, and how many speakers the {@link Diarizer} hears. Cost: about 0.1 s per minute of audio plus
 * the diarizer's. Stateless and thread-safe.
 */
public final class SpeakerAnalysis {
    public static final int RATE = PitchTracker.RATE;
    /** A speaker counts when the diarizer gives them at least this share of the speech. */
    static final double SPEAKER_SHARE = 0.25;

    private SpeakerAnalysis() {}

    /** @param pcm s16le mono at 16 kHz */
    public static SpeakerProfile analyse(byte[] pcm) {
        return analyse(pcm, true);
    }

    /**
     * @param countSpeakers run the diarizer (the costliest part); when false {@link SpeakerProfile#speakers()} is 1
     *                      for any speech (for fingerprints of voices known to be one speaker)
     */
    public static SpeakerProfile analyse(byte[] pcm, boolean countSpeakers) {
        short[] samples = Pcm.toSamples(pcm, 0, pcm.length & ~1);
        float[] x = new float[samples.length];
        for (int i = 0; i < x.length; i++) x[i] = samples[i] / 32768f;
        List<VoiceActivity.Segment> speech = VoiceActivity.detect(x, RATE);
        int speechSamples = speech.stream().mapToInt(VoiceActivity.Segment::length).sum();
        double speechSeconds = speechSamples / (double) RATE;

        double[] f0 = PitchTracker.track(samples);
        double[] voicedHz = Arrays.stream(f0).filter(f -> !Double.isNaN(f)).sorted().toArray();
        double median = voicedHz.length == 0 ? Double.NaN : voicedHz[voicedHz.length / 2];
        double range = voicedHz.length < 10 ? 0
                : 12 * Math.log(voicedHz[voicedHz.length * 9 / 10] / voicedHz[voicedHz.length / 10]) / Math.log(2);

        double[] level = SyllableNuclei.bandLevels(x, f0.length, PitchTracker.HOP, PitchTracker.WINDOW);
        boolean[] voiced = new boolean[f0.length];
        for (int w = 0; w < f0.length; w++) voiced[w] = !Double.isNaN(f0[w]);
        double syllables = speechSeconds <= 0 ? 0 : SyllableNuclei.count(level, voiced) / speechSeconds;

        Mfcc mfcc = new Mfcc(RATE);
        double[] mean = new double[Mfcc.COEFFICIENTS - 1];
        double centroidSum = 0, energySum = 0;
        int frames = 0;
        for (VoiceActivity.Segment s : speech) {
            for (int at = s.start(); at + mfcc.frameLength() <= s.end(); at += mfcc.hop()) {
                double[] logMel = mfcc.logMel(x, at);
                double weighted = 0, total = 0;
                for (int m = 0; m < logMel.length; m++) {
                    double e = Math.exp(logMel[m]);
                    weighted += e * mfcc.centreHz(m);
                    total += e;
                }
                centroidSum += total > 0 ? weighted / total : 0;
                double[] c = mfcc.coefficients(x, at);
                for (int i = 1; i < c.length; i++) mean[i - 1] += c[i];
                energySum += Math.pow(10, levelDb(x, at, mfcc.frameLength()) / 10);
                frames++;
            }
        }
        if (frames > 0) for (int i = 0; i < mean.length; i++) mean[i] /= frames;
        double centroid = frames == 0 ? 0 : centroidSum / frames;
        double energy = frames == 0 ? -100 : 10 * Math.log10(energySum / frames);
        int speakers = speechSeconds <= 0 ? 0 : countSpeakers ? speakers(pcm) : 1;
        return new SpeakerProfile(speechSeconds, median, range, syllables, centroid, energy, mean, speakers);
    }

    /** Speakers holding at least {@link #SPEAKER_SHARE} of the diarized speech (at least 1 when any is found). */
    static int speakers(byte[] pcm) {
        List<Diarizer.Turn> turns = Diarizer.diarize(pcm, new PcmFormat(RATE), null, null);
        Map<Integer, Double> seconds = new HashMap<>();
        double total = 0;
        for (Diarizer.Turn t : turns) {
            seconds.merge(t.speaker(), t.end() - t.start(), Double::sum);
            total += t.end() - t.start();
        }
        double all = total;
        long many = seconds.values().stream().filter(s -> s >= SPEAKER_SHARE * all).count();
        return (int) Math.max(turns.isEmpty() ? 0 : 1, many);
    }

    private static double levelDb(float[] x, int start, int length) {
        double sum = 0;
        int end = Math.min(x.length, start + length);
        for (int i = start; i < end; i++) sum += x[i] * x[i];
        return 10 * Math.log10(sum / Math.max(1, end - start) + 1e-10);
    }
}
