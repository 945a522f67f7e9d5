package dev.timbre.texttospeech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StreamInputContextTest {

    @Test
    void the_schedule_releases_whole_words_once_each_threshold_is_reached() {
        StreamInputContext c = new StreamInputContext("default", null, List.of(10, 20), null);
        c.add("one two ");
        assertThat(c.scheduled()).isEmpty();
        c.add("three four");
        assertThat(c.scheduled()).containsExactly("one two three ");
        c.add(" five six seven eight");
        assertThat(c.scheduled()).containsExactly("four five six seven ");
        assertThat(c.all()).containsExactly("eight");
        assertThat(c.all()).isEmpty();
    }

    @Test
    void auto_mode_releases_up_to_the_last_sentence_end_even_across_messages() {
        StreamInputContext c = new StreamInputContext("default", null, null, null);
        c.add("Hello there.");
        assertThat(c.sentences()).isEmpty();
        c.add(" How are you? I am");
        assertThat(c.sentences()).containsExactly("Hello there. How are you? ");
        c.add(" fine");
        assertThat(c.sentences()).isEmpty();
        assertThat(c.all()).containsExactly("I am fine");
    }

    @Test
    void whitespace_alone_is_not_spoken() {
        StreamInputContext c = new StreamInputContext("default", null, null, null);
        c.add(" ");
        c.add("a");
        c.add("   ");
        assertThat(c.all()).containsExactly("a   ");
        c.add("x ");
        c.discard();
        assertThat(c.all()).isEmpty();
    }

    @Test
    void a_long_whitespace_free_stream_is_buffered_linearly_and_released_in_bounded_pieces() {
        int messages = 400_000; // 2.4 M characters: rescanning the buffer on every message would take minutes
        List<String> released = new ArrayList<>();
        StreamInputContext scheduled = new StreamInputContext("default", null, null, null);
        StreamInputContext auto = new StreamInputContext("default", null, null, null);
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            for (int i = 0; i < messages; i++) {
                scheduled.add("abcdef");
                released.addAll(scheduled.scheduled());
                assertThat(scheduled.buffered()).isLessThan(StreamInputContext.MAX_BUFFERED);
                auto.add("abcdef");
                auto.sentences();
                assertThat(auto.buffered()).isLessThan(StreamInputContext.MAX_BUFFERED);
            }
        });
        released.addAll(scheduled.all());
        assertThat(released).allSatisfy(p -> assertThat(p).hasSizeLessThanOrEqualTo(StreamInputContext.MAX_BUFFERED));
        assertThat(released.stream().mapToInt(String::length).sum()).as("nothing lost").isEqualTo(messages * 6);
    }

    @Test
    void at_the_bound_a_buffer_with_words_is_cut_at_its_last_word_end() {
        StreamInputContext c = new StreamInputContext("default", null, List.of(1_000_000), null);
        c.add("word ".repeat(999) + "x".repeat(StreamInputContext.MAX_BUFFERED));
        List<String> pieces = c.scheduled();
        assertThat(pieces.get(0)).isEqualTo("word ".repeat(999));
        assertThat(pieces).allSatisfy(p -> assertThat(p).hasSizeLessThanOrEqualTo(StreamInputContext.MAX_BUFFERED));
        assertThat(c.buffered()).isLessThan(StreamInputContext.MAX_BUFFERED);
    }
}
