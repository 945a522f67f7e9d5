package dev.timbre.speechtotext.diarize;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DiarizationClusteringTest {
    /** Points around the given centres, in the order of {@code which}. */
    static List<double[]> points(double[][] centres, int[] which, double spread, long seed) {
        Random r = new Random(seed);
        List<double[]> out = new ArrayList<>();
        for (int w : which) {
            double[] p = centres[w].clone();
            for (int i = 0; i < p.length; i++) p[i] += spread * r.nextGaussian();
            out.add(p);
        }
        return out;
    }

    static final double[][] CENTRES = {{0, 0, 0, 0}, {5, 5, 0, 0}, {0, 5, 5, 5}};

    @Test
    void separated_groups_are_found_at_a_distance_threshold_and_numbered_by_first_appearance() {
        int[] truth = {1, 1, 0, 2, 0, 1, 2, 2, 0, 1};
        int[] labels = Clustering.cluster(points(CENTRES, truth, 0.3, 7), null, 1.0);
        assertThat(labels).containsExactly(0, 0, 1, 2, 1, 0, 2, 2, 1, 0);
    }

    @Test
    void a_requested_number_of_clusters_wins_over_the_threshold() {
        int[] truth = {0, 1, 2, 0, 1, 2};
        List<double[]> p = points(CENTRES, truth, 0.3, 3);
        assertThat(Clustering.cluster(p, 3, 0.0)).containsExactly(0, 1, 2, 0, 1, 2);
        assertThat(Clustering.cluster(p, 1, 0.0)).containsOnly(0);
        assertThat(Clustering.cluster(p, 32, 100.0)).containsExactly(0, 1, 2, 3, 4, 5); // capped at the number of points
        assertThat(Clustering.cluster(p, null, 100.0)).containsOnly(0);
        assertThat(Clustering.cluster(List.of(), 2, 1.0)).isEmpty();
    }

    @Test
    void distance_is_the_rms_difference() {
        assertThat(Clustering.distance(new double[] {0, 0, 0, 0}, new double[] {2, 2, 2, 2})).isEqualTo(2.0);
    }

    @Test
    void voice_activity_finds_tones_between_silences_and_bridges_short_gaps() {
        float[] x = new float[16000 * 3];
        fill(x, 0.5, 1.0);   // 0.5–1.0 s
        fill(x, 1.1, 1.4);   // 0.1 s gap: bridged
        fill(x, 2.0, 2.1);   // 0.1 s blip: too short
        List<VoiceActivity.Segment> s = VoiceActivity.detect(x, 16000);
        assertThat(s).hasSize(1);
        assertThat(s.get(0).start() / 16000.0).isBetween(0.49, 0.51);
        assertThat(s.get(0).end() / 16000.0).isBetween(1.4, 1.5); // plus the hangover
        assertThat(VoiceActivity.detect(new float[16000], 16000)).isEmpty();
    }

    @Test
    void a_word_takes_the_speaker_of_the_turn_overlapping_it_most_else_the_nearest() {
        List<Diarizer.Turn> turns = List.of(new Diarizer.Turn(0.5, 2.0, 0), new Diarizer.Turn(2.5, 4.0, 1));
        List<dev.timbre.engine.WordTiming> words = List.of(new dev.timbre.engine.WordTiming("a", 0.6, 0.9),
                new dev.timbre.engine.WordTiming("b", 1.9, 2.7), new dev.timbre.engine.WordTiming("c", 2.1, 2.3),
                new dev.timbre.engine.WordTiming("d", 2.3, 2.45), new dev.timbre.engine.WordTiming("e", 5.0, 5.2));
        assertThat(Diarizer.speakersOf(words, turns)).containsExactly(0, 1, 0, 1, 1);
        assertThat(Diarizer.speakersOf(words, List.of())).containsOnly(0);
    }

    static void fill(float[] x, double from, double to) {
        for (int i = (int) (from * 16000); i < (int) (to * 16000); i++) x[i] = (float) (0.3 * Math.sin(2 * Math.PI * 200 * i / 16000.0));
    }
}
