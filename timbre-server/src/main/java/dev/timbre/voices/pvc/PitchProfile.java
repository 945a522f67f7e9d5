package dev.timbre.voices.pvc;

import dev.timbre.audio.Pcm;
import dev.timbre.audio.Wav;
import dev.timbre.speechtotext.diarize.Pitch;
import java.util.ArrayList;
import java.util.List;

/**
 * A simple speaker comparison for captcha verification: the pitch of a voice, as the median F0 and the spread
 * (interquartile range, robust to the tracker's octave slips) of the medians of its voiced 0.2 s windows, in semitones. Two recordings are taken for the
 * same speaker when their medians are within {@link #MAX_MEDIAN_SEMITONES} and their spreads within
 * {@link #MAX_RANGE_SEMITONES}. This tells a low voice from a high one, not one person from another of similar pitch.
 * Analyses at most {@link #MAX_SECONDS} of audio in all (recordings in order) at 16 kHz.
 */
record PitchProfile(double medianHz, double rangeSemitones, int voicedWindows) {
    static final double MAX_MEDIAN_SEMITONES = 3.0, MAX_RANGE_SEMITONES = 4.0, WINDOW_SECONDS = 0.2, MAX_SECONDS = 60;
    static final int RATE = 16000;

    /** The profile of decoded audio; {@code voicedWindows} 0 (and NaN pitch) when nothing in it is voiced. */
    static PitchProfile of(List<Wav.Decoded> recordings) {
        List<Double> semis = new ArrayList<>();
        int budget = (int) (MAX_SECONDS * RATE); // samples left to analyse, over all recordings
        for (Wav.Decoded d : recordings) {
            if (budget <= 0) break;
            int bytes = (int) Math.min(d.pcm().length & ~1, (long) budget * d.format().sampleRate() / RATE * 2 + 2) & ~1;
            byte[] p = Pcm.resample(java.util.Arrays.copyOf(d.pcm(), bytes), d.format().sampleRate(), RATE);
            int n = Math.min(p.length / 2, budget);
            budget -= n;
            short[] s = Pcm.toSamples(p, 0, n * 2);
            float[] x = new float[s.length];
            for (int i = 0; i < s.length; i++) x[i] = s[i] / 32768f;
            int w = (int) (WINDOW_SECONDS * RATE);
            for (int a = 0; a + w <= x.length; a += w) {
                double hz = Pitch.median(x, RATE, a, a + w);
                if (!Double.isNaN(hz)) semis.add(semitones(hz));
            }
        }
        if (semis.isEmpty()) return new PitchProfile(Double.NaN, 0, 0);
        semis.sort(null);
        double median = semis.get(semis.size() / 2);
        double range = semis.get((int) (semis.size() * 0.75 - 1e-9)) - semis.get((int) (semis.size() * 0.25));
        return new PitchProfile(440 * Math.pow(2, (median - 69) / 12), range, semis.size());
    }

    /** 0..1: 1 for equal pitch profiles, 0 from twice the tolerances apart; NaN profiles score 0. */
    double similarity(PitchProfile other) {
        if (voicedWindows == 0 || other.voicedWindows == 0) return 0;
        double dm = Math.abs(semitones(medianHz) - semitones(other.medianHz)) / (2 * MAX_MEDIAN_SEMITONES);
        double dr = Math.abs(rangeSemitones - other.rangeSemitones) / (2 * MAX_RANGE_SEMITONES);
        return Math.max(0, 1 - dm) * Math.max(0, 1 - dr);
    }

    boolean sameSpeaker(PitchProfile other) {
        return voicedWindows > 0 && other.voicedWindows > 0
                && Math.abs(semitones(medianHz) - semitones(other.medianHz)) <= MAX_MEDIAN_SEMITONES
                && Math.abs(rangeSemitones - other.rangeSemitones) <= MAX_RANGE_SEMITONES;
    }

    private static double semitones(double hz) {
        return 69 + 12 * Math.log(hz / 440) / Math.log(2);
    }
}
