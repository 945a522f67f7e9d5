package dev.timbre.agent.voice;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SentenceEndTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "I would like to book a table | COMPLETE",
        "when does the store open tomorrow? | COMPLETE",
        "yes | COMPLETE",
        "no | COMPLETE",
        "thank you very much. | COMPLETE",
        "five five five | COMPLETE",
        "I would like to book a table and | UNFINISHED",
        "go to the | UNFINISHED",
        "um | UNFINISHED",
        "my number is | UNFINISHED",
        "Hello, | UNFINISHED",
        "thank you, | UNFINISHED",
        "good morning | UNFINISHED",
        "I want to talk about | OPEN",
        "could you tell me if I could | OPEN",
        "and then I | OPEN",
        "I'm | OPEN",
        "'' | OPEN",
        "... | OPEN",
    })
    void theLastWordsSayHowTheSentenceStands(String partial, SentenceEnd expected) {
        assertThat(SentenceEnd.of(partial)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"BOOK A TABLE AND, UNFINISHED", "  for two people  , COMPLETE"})
    void caseAndSpacesDoNotMatter(String partial, SentenceEnd expected) {
        assertThat(SentenceEnd.of(partial)).isEqualTo(expected);
    }
}
