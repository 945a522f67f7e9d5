package dev.timbre.convai.conversation.speech;

import static org.assertj.core.api.Assertions.assertThat;

import dev.timbre.agent.session.SpokenChars;
import dev.timbre.speech.CharacterAlignment;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpokenAlignmentTest {
    @Test
    void timesBecomeMillisecondsFromTheChunkStart() {
        var a = new CharacterAlignment(List.of("H", "i"), List.of(0.30, 0.35), List.of(0.35, 0.42));
        SpokenChars c = SpokenAlignment.relative(a, 0.3);
        assertThat(c.chars()).containsExactly("H", "i");
        assertThat(c.startMs()).containsExactly(0, 50);
        assertThat(c.durationMs()).containsExactly(50, 70);
    }

    @Test
    void charactersThatStartedBeforeTheChunkStartAtZeroWithTheRestOfTheirTime() {
        var a = new CharacterAlignment(List.of("o"), List.of(0.15), List.of(0.25));
        SpokenChars c = SpokenAlignment.relative(a, 0.2);
        assertThat(c.startMs()).containsExactly(0);
        assertThat(c.durationMs()).containsExactly(50);
    }

    @Test
    void nothingSettledIsEmpty() {
        assertThat(SpokenAlignment.relative(null, 1)).isEqualTo(SpokenChars.EMPTY);
    }
}
