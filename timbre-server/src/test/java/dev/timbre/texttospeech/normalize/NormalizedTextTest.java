package dev.timbre.texttospeech.normalize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

class NormalizedTextTest {

    /** Times the normalised chars back to back, 0.05 s each, with a pause before every space. */
    private static CharacterTimes evenTimes(String normalized) {
        double[] starts = new double[normalized.length()];
        double[] ends = new double[normalized.length()];
        double t = 0.1;
        for (int i = 0; i < normalized.length(); i++) {
            if (normalized.charAt(i) == ' ') t += 0.02;
            starts[i] = t;
            t += 0.05;
            ends[i] = t;
        }
        return new CharacterTimes(starts, ends);
    }

    private static void assertTimeline(NormalizedText n, CharacterTimes normalizedTimes, CharacterTimes times) {
        int size = n.original().length();
        assertThat(times.size()).isEqualTo(size);
        double total = 0;
        for (double e : normalizedTimes.endSeconds()) total = Math.max(total, e);
        for (int k = 0; k < size; k++) {
            assertThat(times.endSeconds()[k]).isGreaterThanOrEqualTo(times.startSeconds()[k]);
            if (k > 0) assertThat(times.startSeconds()[k]).isEqualTo(times.endSeconds()[k - 1]);
        }
        if (size > 0) assertThat(times.endSeconds()[size - 1]).isEqualTo(total);
    }

    @Test
    void original_times_are_monotone_contiguous_and_end_at_the_total() {
        NormalizedText n = TextNormalizer.normalize("Dr. Lee paid $5.50 on 03/15/2024.", Mode.ON);
        CharacterTimes normalizedTimes = evenTimes(n.normalized());
        CharacterTimes times = n.originalTimes(normalizedTimes);
        assertTimeline(n, normalizedTimes, times);
        assertThat(times.startSeconds()[0]).isEqualTo(0.1);
        int dollar = n.original().indexOf('$');
        int five = n.normalized().indexOf("five");
        assertThat(times.startSeconds()[dollar]).isEqualTo(normalizedTimes.startSeconds()[five]);
    }

    @Test
    void identity_times_are_the_normalised_times_with_gaps_closed() {
        NormalizedText n = TextNormalizer.normalize("a b", Mode.OFF);
        CharacterTimes times = n.originalTimes(new CharacterTimes(new double[] {0, 0.3, 0.5}, new double[] {0.2, 0.4, 0.7}));
        assertThat(times.startSeconds()).containsExactly(0, 0.3, 0.5);
        assertThat(times.endSeconds()).containsExactly(0.3, 0.5, 0.7);
    }

    @Test
    void original_chars_without_spoken_chars_get_zero_length_spans() {
        NormalizedText n = new NormalizedText("abc", "x", new int[] {1});
        CharacterTimes times = n.originalTimes(new CharacterTimes(new double[] {0.2}, new double[] {0.6}));
        assertThat(times.startSeconds()).containsExactly(0.2, 0.2, 0.6);
        assertThat(times.endSeconds()).containsExactly(0.2, 0.6, 0.6);
    }

    @Test
    void times_going_backwards_are_clamped_forward() {
        NormalizedText n = NormalizedText.identity("abc");
        CharacterTimes times = n.originalTimes(new CharacterTimes(new double[] {0, 0.5, 0.2}, new double[] {0.5, 0.6, 0.9}));
        assertThat(times.startSeconds()).containsExactly(0, 0.5, 0.5);
        assertThat(times.endSeconds()).containsExactly(0.5, 0.5, 0.9);
    }

    @Test
    void empty_texts_have_empty_timelines() {
        assertThat(NormalizedText.identity("").originalTimes(new CharacterTimes(new double[0], new double[0])).size()).isZero();
        CharacterTimes silent = new NormalizedText("ab", "", new int[0]).originalTimes(new CharacterTimes(new double[0], new double[0]));
        assertThat(silent.startSeconds()).containsExactly(0, 0);
        assertThat(silent.endSeconds()).containsExactly(0, 0);
    }

    @Test
    void times_for_the_wrong_number_of_chars_are_rejected() {
        NormalizedText n = NormalizedText.identity("ab");
        assertThatThrownBy(() -> n.originalTimes(new CharacterTimes(new double[1], new double[1])))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CharacterTimes(new double[1], new double[2])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void random_texts_get_well_formed_timelines() {
        Random random = new Random(7L);
        String alphabet = "0123456789 ,.-:/$%&@stnd aMDr.\n";
        for (int round = 0; round < 1000; round++) {
            StringBuilder s = new StringBuilder();
            int length = 1 + random.nextInt(30);
            for (int k = 0; k < length; k++) s.append(alphabet.charAt(random.nextInt(alphabet.length())));
            NormalizedText n = TextNormalizer.normalize(s.toString(), Mode.ON);
            CharacterTimes normalizedTimes = evenTimes(n.normalized());
            assertTimeline(n, normalizedTimes, n.originalTimes(normalizedTimes));
        }
    }
}
