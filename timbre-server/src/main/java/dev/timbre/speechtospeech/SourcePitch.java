package dev.timbre.speechtospeech;

import dev.timbre.audio.PitchTracker;
import dev.timbre.engine.WordTiming;
import java.util.Arrays;
import java.util.List;

/**
 * The source's intonation, word by word: each word's median pitch (YIN, {@link PitchTracker}) against the median
 * of all the voiced speech, so that it can be applied to another voice's own median. A word with fewer than
 * {@link #MIN_VOICED} voiced 10 ms frames gets NaN (no pitch to follow); ratios are clamped to
 * {@link #MIN_RATIO}..{@link #MAX_RATIO} (tracking errors, octave jumps). Stateless.
 */
final class SourcePitch {
    static final int MIN_VOICED = 3;
    static final double MIN_RATIO = 0.6, MAX_RATIO = 1.6;

    private SourcePitch() {}

    /**
     * One ratio per word against {@code reference} (Hz); {@code f0} is {@link PitchTracker#track} of the recording the
     * word times (seconds) refer to.
     */
    static double[] ratios(double[] f0, List<WordTiming> words, double reference) {
        double[] out = new double[words.size()];
        for (int i = 0; i < words.size(); i++) {
            double[] voiced = voiced(f0, words.get(i).start(), words.get(i).end());
            double r = voiced.length >= MIN_VOICED ? median(voiced) / reference : Double.NaN;
            out[i] = Double.isNaN(r) ? Double.NaN : Math.max(MIN_RATIO, Math.min(MAX_RATIO, r));
        }
        return out;
    }

    /** The median of every voiced frame of a track (Hz), NaN when none is voiced. */
    static double voicedMedian(double[] f0) {
        double[] voiced = Arrays.stream(f0).filter(v -> !Double.isNaN(v)).toArray();
        return voiced.length == 0 ? Double.NaN : median(voiced);
    }

    /** The voiced estimates whose window centre lies in [from, to] seconds. */
    private static double[] voiced(double[] f0, double from, double to) {
        double centre = PitchTracker.WINDOW / 2.0 / PitchTracker.RATE, hop = (double) PitchTracker.HOP / PitchTracker.RATE;
        int first = Math.max(0, (int) Math.ceil((from - centre) / hop));
        int last = Math.min(f0.length - 1, (int) Math.floor((to - centre) / hop));
        return Arrays.stream(f0, first, Math.max(first, last + 1)).filter(v -> !Double.isNaN(v)).toArray();
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
