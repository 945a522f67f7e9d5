package dev.timbre.speech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.timbre.engine.WordTiming;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CharacterAlignmentTest {
    @Test
    void word_characters_share_the_word_span_and_gaps_fill_between() {
        var a = CharacterAlignment.fromWords("Hi, you.", List.of(new WordTiming("Hi", 0.1, 0.3), new WordTiming("you", 0.5, 0.8)), 1.0);
        assertThat(a.characters()).containsExactly("H", "i", ",", " ", "y", "o", "u", ".");
        assertThat(a.characterStartTimesSeconds().get(0)).isCloseTo(0.1, within(0.001));
        assertThat(a.characterStartTimesSeconds().get(1)).isCloseTo(0.2, within(0.001));
        assertThat(a.characterStartTimesSeconds().get(4)).isCloseTo(0.5, within(0.001));
        assertThat(a.characterEndTimesSeconds().get(6)).isCloseTo(0.8, within(0.001));
        assertThat(a.endSeconds()).isEqualTo(1.0);
        assertInvariants(a, 8, 1.0);
    }

    @Test
    void words_the_text_does_not_contain_are_skipped() {
        var a = CharacterAlignment.fromWords("one two", List.of(new WordTiming("zebra", 0, 0.2), new WordTiming("two", 0.4, 0.6)), 0.7);
        assertInvariants(a, 7, 0.7);
        assertThat(a.characterStartTimesSeconds().get(4)).isCloseTo(0.4, within(0.001));
    }

    @Test
    void random_timings_always_give_monotone_contiguous_alignments() {
        Random rnd = new Random(7);
        for (int round = 0; round < 200; round++) {
            StringBuilder text = new StringBuilder();
            List<WordTiming> words = new java.util.ArrayList<>();
            double t = 0;
            for (int w = 0; w < 1 + rnd.nextInt(8); w++) {
                String word = "w" + rnd.nextInt(100);
                text.append(word).append(rnd.nextBoolean() ? " " : ", ");
                double s = t + rnd.nextDouble() * 0.2 - 0.05, e = s + rnd.nextDouble() * 0.4;
                words.add(new WordTiming(word, s, e));
                t = e;
            }
            double duration = t + rnd.nextDouble() * 0.3 - 0.1;
            var a = CharacterAlignment.fromWords(text.toString(), words, duration);
            assertInvariants(a, text.length(), Math.max(duration, 0));
        }
    }

    static void assertInvariants(CharacterAlignment a, int n, double minEnd) {
        assertThat(a.characters()).hasSize(n);
        assertThat(a.characterStartTimesSeconds()).hasSize(n);
        assertThat(a.characterEndTimesSeconds()).hasSize(n);
        for (int i = 0; i < n; i++) {
            assertThat(a.characterEndTimesSeconds().get(i)).isGreaterThanOrEqualTo(a.characterStartTimesSeconds().get(i));
            if (i > 0) assertThat(a.characterStartTimesSeconds().get(i)).isEqualTo(a.characterEndTimesSeconds().get(i - 1));
        }
        assertThat(a.endSeconds()).isGreaterThanOrEqualTo(minEnd - 0.001);
    }
}
