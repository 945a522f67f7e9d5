package dev.timbre.music.compose;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ArrangerTest {
    static Song.Section section(String name, int ms) {
        return new Song.Section(name, ms, List.of(), List.of(), List.of());
    }

    static List<String> tune(Arranger.Score s, long startUs) {
        return s.notes().stream().filter(n -> n.channel() == Arranger.LEAD || n.channel() == Arranger.CHORDS)
                .map(n -> n.channel() + ":" + n.key() + "@" + (n.startUs() - startUs) + "+" + n.lengthUs()).toList();
    }

    @Test
    void the_second_chorus_is_the_first_again_and_a_verse_is_not() {
        Style style = Style.of(List.of("pop"), List.of(), 3);
        Arranger a = new Arranger(3);
        Arranger.Score chorus1 = a.section(section("Chorus 1", 8_000), style, 0, true);
        Arranger.Score verse = a.section(section("Verse 2", 8_000), style, 8_000_000, false);
        Arranger.Score chorus2 = a.section(section("Chorus 2", 8_000), style, 16_000_000, false);
        assertThat(tune(chorus2, 16_000_000)).isNotEmpty().isEqualTo(tune(chorus1, 0));
        assertThat(tune(verse, 8_000_000)).isNotEqualTo(tune(chorus1, 0));
    }

    @Test
    void every_note_ends_within_its_section_and_keys_stay_in_midi_range() {
        Style style = Style.of(List.of("metal", "fast"), List.of(), 11);
        Arranger.Score s = new Arranger(11).section(section("Verse", 3_001), style, 5_000_000, false);
        assertThat(s.notes()).isNotEmpty().allSatisfy(n -> {
            assertThat(n.startUs()).isGreaterThanOrEqualTo(5_000_000);
            assertThat(n.endUs()).isLessThanOrEqualTo(8_001_000);
            assertThat(n.key()).isBetween(0, 127);
            assertThat(n.velocity()).isBetween(1, 127);
        });
    }
}
