package dev.timbre.speechtotext.diarize;

import dev.timbre.audio.Pcm;
import dev.timbre.audio.PcmFormat;
import java.util.ArrayList;
import java.util.List;

/**
 * Speaker diarization without a model: {@link VoiceActivity} finds voiced segments; segments are cut into windows of
 * about {@link #WINDOW_SECONDS}; each window becomes a feature vector (means and standard deviations of MFCC c1 … c12,
 * each divided by a fixed scale, and the median F0 in semitones, weighted as {@link #PITCH_WEIGHT} dimensions); windows
 * are clustered by {@link Clustering} (average linkage, RMS distance) into {@code num_speakers} clusters, or until the
 * closest clusters are farther apart than {@code diarization_threshold × }{@link #DISTANCE_PER_THRESHOLD}
 * (default threshold {@link #DEFAULT_THRESHOLD}, the ElevenLabs default; higher means fewer speakers). Adjacent windows
 * of one speaker become one {@link Turn}; speakers are numbered by first appearance. Deterministic. Audio is analysed at
 * 16 kHz.
 */
public final class Diarizer {
    public static final double DEFAULT_THRESHOLD = 0.22;
    static final double WINDOW_SECONDS = 1.25, DISTANCE_PER_THRESHOLD = 9.3;
    static final double MEAN_SCALE = 4.0, STD_SCALE = 3.0, SEMITONE_SCALE = 1.0, PITCH_WEIGHT = 8;
    static final int RATE = 16000, MAX_WINDOWS = 600, DIMS = 2 * (Mfcc.COEFFICIENTS - 1);

    private Diarizer() {}

    /** A stretch of one speaker, in seconds; speaker 0, 1, … by first appearance. */
    public record Turn(double start, double end, int speaker) {}

    /** A window's place and features (package-visible for tests). */
    record Window(int start, int end, double[] mfcc, double pitchHz) {}

    /**
     * @param numSpeakers the number of speakers when known (1–32), else null
     * @param threshold diarization_threshold (0.1–0.4), null for {@link #DEFAULT_THRESHOLD}; ignored with numSpeakers
     */
    public static List<Turn> diarize(byte[] pcm, PcmFormat format, Integer numSpeakers, Double threshold) {
        byte[] p = Pcm.resample(pcm, format.sampleRate(), RATE);
        short[] s = Pcm.toSamples(p, 0, p.length & ~1);
        float[] x = new float[s.length];
        for (int i = 0; i < s.length; i++) x[i] = s[i] / 32768f;
        return diarize(x, numSpeakers, threshold);
    }

    static List<Turn> diarize(float[] x, Integer numSpeakers, Double threshold) {
        List<Window> windows = windows(x);
        if (windows.isEmpty()) return List.of();
        List<double[]> features = features(windows);
        double t = threshold == null ? DEFAULT_THRESHOLD : threshold;
        int[] labels = Clustering.cluster(features, numSpeakers, t * DISTANCE_PER_THRESHOLD);
        List<Turn> turns = new ArrayList<>();
        for (int i = 0; i < windows.size(); i++) {
            double start = windows.get(i).start() / (double) RATE, end = windows.get(i).end() / (double) RATE;
            Turn last = turns.isEmpty() ? null : turns.get(turns.size() - 1);
            if (last != null && last.speaker() == labels[i] && start - last.end() < 1e-9) turns.set(turns.size() - 1, new Turn(last.start(), end, labels[i]));
            else turns.add(new Turn(start, end, labels[i]));
        }
        return List.copyOf(turns);
    }

    /**
     * The speaker of each word: the turn that overlaps it most, else the nearest turn; speaker 0 when there are no turns.
     */
    public static List<Integer> speakersOf(List<dev.timbre.engine.WordTiming> words, List<Turn> turns) {
        List<Integer> out = new ArrayList<>();
        for (dev.timbre.engine.WordTiming w : words) {
            int best = 0;
            double bestOverlap = 0, bestGap = Double.POSITIVE_INFINITY;
            for (Turn t : turns) {
                double overlap = Math.min(w.end(), t.end()) - Math.max(w.start(), t.start());
                if (overlap > bestOverlap) {
                    bestOverlap = overlap;
                    best = t.speaker();
                } else if (bestOverlap == 0) {
                    double gap = -overlap;
                    if (gap < bestGap) {
                        bestGap = gap;
                        best = t.speaker();
                    }
                }
            }
            out.add(best);
        }
        return List.copyOf(out);
    }

    static List<Window> windows(float[] x) {
        List<VoiceActivity.Segment> segments = VoiceActivity.detect(x, RATE);
        double voiced = 0;
        for (VoiceActivity.Segment seg : segments) voiced += seg.length() / (double) RATE;
        double window = Math.max(WINDOW_SECONDS, voiced / MAX_WINDOWS);
        Mfcc mfcc = new Mfcc(RATE);
        List<Window> out = new ArrayList<>();
        for (VoiceActivity.Segment seg : segments) {
            int n = Math.max(1, (int) Math.round(seg.length() / (double) RATE / window));
            for (int k = 0; k < n; k++) {
                int a = seg.start() + (int) ((long) seg.length() * k / n), b = seg.start() + (int) ((long) seg.length() * (k + 1) / n);
                double[][] c = mfcc.compute(x, a, b);
                if (c.length < 2) continue;
                double[] f = new double[DIMS];
                int d = Mfcc.COEFFICIENTS - 1;
                for (int j = 1; j < Mfcc.COEFFICIENTS; j++) {
                    double sum = 0, sq = 0;
                    for (double[] row : c) {
                        sum += row[j];
                        sq += row[j] * row[j];
                    }
                    double mean = sum / c.length;
                    f[j - 1] = mean;
                    f[d + j - 1] = Math.sqrt(Math.max(0, sq / c.length - mean * mean));
                }
                out.add(new Window(a, b, f, Pitch.median(x, RATE, a, b)));
            }
        }
        return out;
    }

    /** Scaled feature vectors: MFCC means / MEAN_SCALE, stds / STD_SCALE, then the pitch repeated PITCH_WEIGHT times. */
    static List<double[]> features(List<Window> windows) {
        List<Double> pitches = new ArrayList<>();
        for (Window w : windows) if (!Double.isNaN(w.pitchHz())) pitches.add(w.pitchHz());
        pitches.sort(null);
        double fallback = pitches.isEmpty() ? 100 : pitches.get(pitches.size() / 2);
        List<double[]> out = new ArrayList<>();
        int d = Mfcc.COEFFICIENTS - 1;
        for (Window w : windows) {
            double[] f = new double[DIMS + (int) PITCH_WEIGHT];
            for (int i = 0; i < d; i++) {
                f[i] = w.mfcc()[i] / MEAN_SCALE;
                f[d + i] = w.mfcc()[d + i] / STD_SCALE;
            }
            double semitones = 12 * Math.log(Double.isNaN(w.pitchHz()) ? fallback : w.pitchHz()) / Math.log(2) / SEMITONE_SCALE;
            for (int i = 0; i < PITCH_WEIGHT; i++) f[DIMS + i] = semitones;
            out.add(f);
        }
        return out;
    }
}
