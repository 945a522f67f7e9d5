package dev.timbre.music;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.timbre.http.ApiException;
import java.util.List;
import org.junit.jupiter.api.Test;

class PromptPlannerTest {
    final PromptPlanner planner = new PromptPlanner();

    @Test
    void sections_add_up_exactly_to_every_length_and_stay_in_bounds() {
        for (int ms = PlanChecks.MIN_LENGTH_MS; ms <= PlanChecks.MAX_LENGTH_MS; ms += 7_919) {
            CompositionPlan p = planner.plan("a song", ms);
            assertThat(p.durationMs()).as("%d ms", ms).isEqualTo(ms);
            for (CompositionPlan.SongSection s : p.sections()) {
                assertThat(s.durationMs()).isBetween(PlanChecks.MIN_SECTION_MS, PlanChecks.MAX_SECTION_MS);
            }
            PlanChecks.check(p, "prompt");
        }
        assertThat(planner.plan("a song", PlanChecks.MAX_LENGTH_MS).durationMs()).isEqualTo(PlanChecks.MAX_LENGTH_MS);
    }

    @Test
    void styles_negations_length_and_lyrics_come_from_the_prompt() {
        CompositionPlan p = planner.plan("A melancholic jazz ballad with saxophone and piano at 80 bpm in D minor, no drums, 45 seconds. "
                + "Lyrics: The rain falls down / on empty streets / I wait for you / until the dawn", null);
        assertThat(p.positiveGlobalStyles()).contains("melancholic", "jazz", "saxophone", "piano", "80 bpm", "D minor");
        assertThat(p.negativeGlobalStyles()).containsExactly("drums");
        assertThat(p.durationMs()).isEqualTo(45_000);
        assertThat(p.sections().stream().map(CompositionPlan.SongSection::sectionName)).contains("Intro", "Chorus", "Outro");
        assertThat(p.sections().stream().flatMap(s -> s.lines().stream()).toList())
                .containsExactly("The rain falls down", "on empty streets", "I wait for you", "until the dawn");
        assertThat(planner.plan("an instrumental techno track for 2 minutes", null).negativeGlobalStyles()).contains("vocals");
        assertThat(planner.plan("an instrumental techno track for 2 minutes", null).durationMs()).isEqualTo(120_000);
    }

    @Test
    void editing_keeps_the_source_and_applies_the_prompt() {
        CompositionPlan source = planner.plan("upbeat pop with piano", 40_000); // intro, verse, chorus, outro
        CompositionPlan edited = new PlanEditor().edit(source, "make it rock, no piano, add a bridge", 50_000);
        assertThat(edited.positiveGlobalStyles()).contains("upbeat", "pop", "rock").doesNotContain("piano");
        assertThat(edited.negativeGlobalStyles()).contains("piano");
        assertThat(edited.sections()).hasSize(source.sections().size() + 1);
        assertThat(edited.sections().get(edited.sections().size() - 2).sectionName()).isEqualTo("Bridge"); // before the outro
        assertThat(edited.durationMs()).isEqualTo(50_000);
        CompositionPlan same = new PlanEditor().edit(source, "more jazz", null);
        assertThat(same.sections()).isEqualTo(source.sections());
    }

    @Test
    void lengths_that_sections_cannot_fill_are_a_422_naming_the_field() {
        assertThatThrownBy(() -> Durations.split(List.of(1.0, 1.0, 1.0, 1.0), 10_000, "music_length_ms"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.violations().get(0).loc()).containsExactly("body", "music_length_ms"));
    }

    @Test
    void a_language_models_plan_is_made_exact_and_checked() {
        CompositionPlan p = LanguageModelPlanner.parse("Here: {\"positive_global_styles\":[\"lofi\"],\"negative_global_styles\":[],"
                + "\"sections\":[{\"section_name\":\"A\",\"positive_local_styles\":[],\"negative_local_styles\":[],\"duration_ms\":9000,\"lines\":[]},"
                + "{\"section_name\":\"B\",\"duration_ms\":11000}]}", 25_000);
        assertThat(p.durationMs()).isEqualTo(25_000);
        assertThat(p.sections().get(1).lines()).isEmpty();
        assertThatThrownBy(() -> LanguageModelPlanner.parse("no plan here", null)).isInstanceOf(IllegalArgumentException.class);
    }
}
