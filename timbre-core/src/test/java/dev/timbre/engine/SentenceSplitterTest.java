package dev.timbre.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SentenceSplitterTest {

    @Test
    void splits_after_sentence_punctuation() {
        assertThat(SentenceSplitter.split("Hello there. How are you? Fine! \"Really.\" Yes…  Good"))
                .containsExactly("Hello there.", "How are you?", "Fine!", "\"Really.\"", "Yes…", "Good");
    }

    @Test
    void keeps_abbreviations_initials_numbers_and_lower_case_continuations_together() {
        assertThat(SentenceSplitter.split("Dr. Smith met J. R. Tolkien at 3.50 p.m. on Jan. 5. It rained, e.g. all day."))
                .containsExactly("Dr. Smith met J. R. Tolkien at 3.50 p.m. on Jan. 5.", "It rained, e.g. all day.");
    }

    @Test
    void blank_lines_end_sentences_and_blank_text_has_none() {
        assertThat(SentenceSplitter.split("Title\n\nBody text\nwraps here.")).containsExactly("Title", "Body text\nwraps here.");
        assertThat(SentenceSplitter.split("  \n ")).isEmpty();
    }
}
