package dev.timbre.speechtospeech;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Cuts fall inside long pauses, never make short pieces, and a recording with no pause is still cut. */
class PauseCutsTest {
    static final int RATE = 16_000;

    /** Alternating loud (noise at amplitude 8000) and quiet (amplitude 30) stretches, in seconds. */
    static short[] signal(double... seconds) {
        int total = 0;
        for (double s : seconds) total += (int) (s * RATE);
        short[] x = new short[total];
        Random r = new Random(1);
        int at = 0;
        for (int i = 0; i < seconds.length; i++) {
            int n = (int) (seconds[i] * RATE);
            double amplitude = i % 2 == 0 ? 8000 : 30;
            for (int j = 0; j < n; j++) x[at + j] = (short) (amplitude * r.nextGaussian() / 3);
            at += n;
        }
        return x;
    }

    @Test
    void cutsInTheMiddleOfLongPausesOnly() {
        // speech 4 s, pause 1 s, speech 2 s, pause 0.2 s (too short), speech 3 s, pause 0.6 s, speech 4 s
        List<Integer> cuts = PauseCuts.of(signal(4, 1, 2, 0.2, 3, 0.6, 4), RATE);
        assertThat(cuts).hasSize(2);
        assertThat(cuts.get(0) / (double) RATE).isBetween(4.3, 4.7);
        assertThat(cuts.get(1) / (double) RATE).isBetween(10.3, 10.5);
    }

    /** Seconds from each cut to the one before it (the first: from the start). */
    static List<Double> pieceSeconds(List<Integer> cuts) {
        List<Double> out = new java.util.ArrayList<>();
        int last = 0;
        for (int c : cuts) {
            out.add((c - last) / (double) RATE);
            last = c;
        }
        return out;
    }

    @Test
    void piecesAreNeverShorterThanTheMinimum() {
        // pauses every second: only every third or so may be cut
        List<Integer> cuts = PauseCuts.of(signal(1, 0.5, 1, 0.5, 1, 0.5, 1, 0.5, 1, 0.5, 1, 0.5, 1, 0.5, 1), RATE);
        assertThat(cuts).isNotEmpty();
        assertThat(pieceSeconds(cuts)).allSatisfy(s -> assertThat(s).isGreaterThanOrEqualTo(PauseCuts.MIN_PIECE_SECONDS));
    }

    @Test
    void aRecordingWithoutPausesIsCutAtTheLongestPiece() {
        List<Integer> cuts = PauseCuts.of(signal(60), RATE);
        assertThat(cuts).isNotEmpty();
        assertThat(pieceSeconds(cuts)).allSatisfy(s -> assertThat(s).isLessThanOrEqualTo(PauseCuts.MAX_PIECE_SECONDS));
    }

    @Test
    void shortOrEmptyRecordingsAreNotCut() {
        assertThat(PauseCuts.of(new short[0], RATE)).isEmpty();
        assertThat(PauseCuts.of(signal(2, 0.5, 1), RATE)).isEmpty();
    }
}
