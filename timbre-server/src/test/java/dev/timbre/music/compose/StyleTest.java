package dev.timbre.music.compose;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class StyleTest {
    @Test
    void genre_mood_tempo_key_and_instruments_come_from_the_words() {
        Style s = Style.of(List.of("melancholic jazz", "saxophone and piano", "80 bpm", "D minor"), List.of(), 0);
        assertThat(s.genre()).isEqualTo(Genre.JAZZ);
        assertThat(s.tempo()).isEqualTo(80);
        assertThat(s.tonic()).isEqualTo(2);
        assertThat(s.minor()).isTrue();
        assertThat(s.leadProgram()).isEqualTo(65);
        assertThat(s.chordProgram()).isEqualTo(0);
        assertThat(Style.of(List.of("F# major", "electronic"), List.of(), 0)).satisfies(e -> {
            assertThat(e.tonic()).isEqualTo(6);
            assertThat(e.minor()).isFalse();
            assertThat(e.drums()).isEqualTo(Drums.Pattern.FOUR);
        });
    }

    @Test
    void negative_styles_take_parts_away_and_words_inside_words_do_not_count() {
        assertThat(Style.of(List.of("rock"), List.of("drums"), 0).drums()).isEqualTo(Drums.Pattern.NONE);
        assertThat(Style.of(List.of("rock, no drums"), List.of(), 0).drums()).isEqualTo(Drums.Pattern.NONE);
        assertThat(Style.of(List.of("piano ballad"), List.of("piano"), 0).leadProgram()).isNotEqualTo(0);
        assertThat(Style.of(List.of("grape soda commercial"), List.of(), 0).genre()).isEqualTo(Genre.POP);
        assertThat(Style.of(List.of("classical"), List.of(), 0).drums()).isEqualTo(Drums.Pattern.NONE);
    }

    @Test
    void style_words_are_found_in_a_prompt_in_order() {
        assertThat(StyleWords.in("An upbeat electronic track with synth and piano at 124 BPM in A minor"))
                .containsExactly("upbeat", "electronic", "synth", "piano", "124 bpm", "A minor");
        assertThat(StyleWords.genres(List.of("hip hop", "jazz"))).containsExactly("jazz", "hip-hop");
    }
}
