package dev.timbre.speechtotext.diarize;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Energy / zero-crossing voice activity detection over 10 ms frames. A frame is speech when its level is above
 * {@code max(floor + 10 dB, peak − 35 dB, −55 dBFS)} (floor and peak: the 10th and 99th percentile frame levels), or
 * up to 6 dB below that with a zero-crossing rate above 0.25 (fricatives). Speech is held for a {@link #HANGOVER_FRAMES}
 * hangover; gaps shorter than {@link #MIN_SILENCE_SECONDS} are bridged, segments shorter than
 * {@link #MIN_SPEECH_SECONDS} dropped.
 */
public final class VoiceActivity {
    static final double FRAME_SECONDS = 0.010, MIN_SPEECH_SECONDS = 0.2, MIN_SILENCE_SECONDS = 0.3;
    static final int HANGOVER_FRAMES = 8;

    private VoiceActivity() {}

    /** A voiced stretch in samples, {@code [start, end)}. */
    public record Segment(int start, int end) {
        public int length() { return end - start; }
    }

    public static List<Segment> detect(float[] samples, int sampleRate) {
        int frame = Math.max(1, (int) Math.round(sampleRate * FRAME_SECONDS));
        int frames = samples.length / frame;
        if (frames == 0) return List.of();
        double[] db = new double[frames], zcr = new double[frames];
        for (int f = 0; f < frames; f++) {
            double sum = 0;
            int crossings = 0;
            for (int i = f * frame; i < (f + 1) * frame; i++) {
                sum += samples[i] * samples[i];
                if (i > f * frame && (samples[i] >= 0) != (samples[i - 1] >= 0)) crossings++;
            }
            db[f] = 10 * Math.log10(sum / frame + 1e-10);
            zcr[f] = crossings / (double) frame;
        }
        double[] sorted = db.clone();
        Arrays.sort(sorted);
        double floor = sorted[(int) (0.10 * (frames - 1))], peak = sorted[(int) (0.99 * (frames - 1))];
        double threshold = Math.max(Math.max(floor + 10, peak - 35), -55);
        boolean[] speech = new boolean[frames];
        int hang = 0;
        for (int f = 0; f < frames; f++) {
            boolean active = db[f] > threshold || (db[f] > threshold - 6 && zcr[f] > 0.25);
            if (active) hang = HANGOVER_FRAMES;
            speech[f] = active || hang-- > 0;
        }
        List<int[]> runs = new ArrayList<>();
        for (int f = 0; f < frames; f++) {
            if (!speech[f]) continue;
            int s = f;
            while (f < frames && speech[f]) f++;
            runs.add(new int[] {s, f});
        }
        int minSilence = (int) Math.round(MIN_SILENCE_SECONDS / FRAME_SECONDS), minSpeech = (int) Math.round(MIN_SPEECH_SECONDS / FRAME_SECONDS);
        List<int[]> merged = new ArrayList<>();
        for (int[] r : runs) {
            if (!merged.isEmpty() && r[0] - merged.get(merged.size() - 1)[1] < minSilence) merged.get(merged.size() - 1)[1] = r[1];
            else merged.add(r);
        }
        List<Segment> out = new ArrayList<>();
        for (int[] r : merged) if (r[1] - r[0] >= minSpeech) out.add(new Segment(r[0] * frame, Math.min(samples.length, r[1] * frame)));
        return List.copyOf(out);
    }
}
