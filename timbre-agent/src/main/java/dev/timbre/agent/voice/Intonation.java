package dev.timbre.agent.voice;

import dev.timbre.audio.PitchTracker;
import java.util.Arrays;

/**
 * Whether the user's voice fell at the end of what they said, as it does at the end of a statement (a flat or rising
 * end is a pause inside one, or a question the words settle). Keeps the last {@link #TAIL_MS} of voiced audio of the
 * current utterance (a bounded ring); {@link #falling} tracks its pitch ({@link PitchTracker}), folds octave jumps
 * (estimates more than {@link #OCTAVE_GUARD}× off the median are halved or doubled, then dropped if still off), and compares the median pitch of the last quarter of
 * the voiced estimates (at least 3) with the highest point before it (the running median of three estimates): at
 * least {@link #FALL_SEMITONES} lower is falling (a fall through the tail, or a peak and a fall at the very end). Fewer than
 * {@link #MIN_ESTIMATES} voiced estimates (a whisper, noise, too little audio) are not falling.
 *
 * <p>Threading: one conversation's loop thread. The answer is computed on the first {@link #falling} call after new
 * audio and kept until more audio is {@link #heard}.
 */
final class Intonation {
    static final int TAIL_MS = 300;
    static final double FALL_SEMITONES = 1.0;
    static final int MIN_ESTIMATES = 6;
    static final double OCTAVE_GUARD = 1.6;

    private final short[] ring = new short[InputAudio.RATE * TAIL_MS / 1000];
    private int end;
    private int filled;
    private Boolean falling;

    /** Adds voiced samples (16 kHz) of the current utterance. */
    void heard(short[] voiced) {
        for (short s : voiced) {
            ring[end] = s;
            end = (end + 1) % ring.length;
        }
        filled = Math.min(ring.length, filled + voiced.length);
        falling = null;
    }

    /** Forgets the audio: a new utterance starts. */
    void reset() {
        filled = 0;
        falling = null;
    }

    /** True when the pitch of the voiced audio heard last fell (see the class comment). */
    boolean falling() {
        if (falling == null) falling = falling(PitchTracker.track(tail()));
        return falling;
    }

    /** The rule on a pitch track (Hz per hop, NaN unvoiced); package-private for tests. */
    static boolean falling(double[] f0) {
        double[] voiced = Arrays.stream(f0).filter(f -> !Double.isNaN(f)).toArray();
        if (voiced.length < MIN_ESTIMATES) return false;
        double median = median(voiced);
        double[] kept = Arrays.stream(voiced).map(f -> f > median * OCTAVE_GUARD ? f / 2 : f < median / OCTAVE_GUARD ? f * 2 : f)
                .filter(f -> f <= median * OCTAVE_GUARD && f >= median / OCTAVE_GUARD).toArray();
        if (kept.length < MIN_ESTIMATES) return false;
        int lastQuarter = Math.max(3, kept.length / 4);
        double last = median(Arrays.copyOfRange(kept, kept.length - lastQuarter, kept.length));
        double peak = 0;
        for (int i = 1; i + 1 < kept.length - lastQuarter; i++) peak = Math.max(peak, median(Arrays.copyOfRange(kept, i - 1, i + 2)));
        return peak > 0 && 12 * Math.log(peak / last) / Math.log(2) >= FALL_SEMITONES;
    }

    private short[] tail() {
        short[] out = new short[filled];
        for (int i = 0; i < filled; i++) out[i] = ring[Math.floorMod(end - filled + i, ring.length)];
        return out;
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
