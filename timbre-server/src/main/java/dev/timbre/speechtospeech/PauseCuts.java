package dev.timbre.speechtospeech;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Where a long recording can be cut into pieces that are recognised one after another, so that a voice change can
 * start speaking before the whole source is heard: in the middle of pauses of at least {@link #MIN_PAUSE_SECONDS}
 * (frames of 20 ms whose level stays within {@link #PAUSE_ABOVE_FLOOR_DB} of the recording's quiet floor, its 10th
 * percentile), keeping each piece at least {@link #MIN_PIECE_SECONDS} long; a piece with no such pause is cut at its
 * quietest frame once it reaches {@link #MAX_PIECE_SECONDS}. Works on 16-bit samples at any rate. Stateless.
 */
final class PauseCuts {
    static final double FRAME_SECONDS = 0.02, MIN_PAUSE_SECONDS = 0.4, MIN_PIECE_SECONDS = 3, MAX_PIECE_SECONDS = 25;
    static final double PAUSE_ABOVE_FLOOR_DB = 8;

    private PauseCuts() {}

    /** Cut positions in samples, ascending, each strictly inside (0, length). */
    static List<Integer> of(short[] samples, int sampleRate) {
        int frame = (int) Math.round(sampleRate * FRAME_SECONDS);
        int frames = samples.length / frame;
        List<Integer> cuts = new ArrayList<>();
        if (frames == 0) return cuts;
        double[] level = new double[frames];
        for (int f = 0; f < frames; f++) {
            double sum = 0;
            for (int i = f * frame; i < (f + 1) * frame; i++) sum += (double) samples[i] * samples[i];
            level[f] = 10 * Math.log10(sum / frame + 1);
        }
        double[] sorted = level.clone();
        Arrays.sort(sorted);
        double pause = sorted[frames / 10] + PAUSE_ABOVE_FLOOR_DB;
        int minPause = (int) Math.ceil(MIN_PAUSE_SECONDS / FRAME_SECONDS);
        int minPiece = (int) (MIN_PIECE_SECONDS / FRAME_SECONDS), maxPiece = (int) (MAX_PIECE_SECONDS / FRAME_SECONDS);
        int pieceStart = 0, runStart = -1;
        for (int f = 0; f <= frames; f++) {
            boolean quiet = f < frames && level[f] <= pause;
            if (quiet && runStart < 0) runStart = f;
            if (!quiet && runStart >= 0) {
                int middle = (runStart + f) / 2;
                if (f - runStart >= minPause && middle - pieceStart >= minPiece && frames - middle >= minPiece / 2) {
                    cuts.add(middle * frame);
                    pieceStart = middle;
                }
                runStart = -1;
            }
            if (f - pieceStart >= maxPiece && f < frames) {
                int quietest = pieceStart + minPiece;
                for (int g = quietest; g < f; g++) if (level[g] < level[quietest]) quietest = g;
                cuts.add(quietest * frame);
                pieceStart = quietest;
                runStart = -1;
            }
        }
        return cuts;
    }
}
