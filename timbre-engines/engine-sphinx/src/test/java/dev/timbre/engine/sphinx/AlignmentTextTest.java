package dev.timbre.engine.sphinx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.timbre.engine.RecognizedWord;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AlignmentTextTest {
    private static final Set<String> DICTIONARY = Set.of("hello", "world", "don't", "go");

    @Test
    void words_lose_surrounding_punctuation_and_unknown_ones_stay_out_of_the_grammar() {
        AlignmentText t = new AlignmentText("  \"Hello,\" — world! Don’t go 42 ... ", DICTIONARY::contains);
        assertThat(t.words).containsExactly("Hello", "world", "Don’t", "go", "42");
        assertThat(t.keys).containsExactly("hello", "world", "don't", "go", null);
        assertThat(t.jsgf()).contains("public <utterance> = hello world don't go;");
    }

    @Test
    void unknown_words_share_the_gap_between_their_aligned_neighbours() {
        AlignmentText t = new AlignmentText("hello 1 2 world", DICTIONARY::contains);
        List<RecognizedWord> all = t.complete(List.of(new RecognizedWord("hello", 0.1, 0.5, -0.1), new RecognizedWord("world", 1.1, 1.6, -0.2)), 2.0);
        assertThat(all).extracting(RecognizedWord::word).containsExactly("hello", "1", "2", "world");
        assertThat(all.get(1).start()).isEqualTo(0.5);
        assertThat(all.get(1).end()).isCloseTo(0.8, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(all.get(2).end()).isCloseTo(1.1, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(all.get(1).logprob()).isNaN();
        assertThat(all.get(3).logprob()).isEqualTo(-0.2);
    }

    @Test
    void words_after_where_the_decoder_stopped_fill_the_rest_of_the_audio() {
        AlignmentText t = new AlignmentText("hello world go", DICTIONARY::contains);
        List<RecognizedWord> all = t.complete(List.of(new RecognizedWord("hello", 0.0, 0.4, 0)), 1.0);
        assertThat(all.get(1).start()).isEqualTo(0.4);
        assertThat(all.get(2).end()).isEqualTo(1.0);
    }

    @Test
    void with_no_known_word_the_text_spreads_over_the_whole_audio() {
        AlignmentText t = new AlignmentText("zzz qqq", DICTIONARY::contains);
        assertThat(t.anyKnown()).isFalse();
        List<RecognizedWord> all = t.complete(List.of(), 2.0);
        assertThat(all).extracting(RecognizedWord::start).containsExactly(0.0, 1.0);
        assertThat(all).extracting(RecognizedWord::end).containsExactly(1.0, 2.0);
    }
}
