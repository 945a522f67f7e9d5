package dev.timbre.music;

import java.util.List;

/**
 * A composition plan ({@code MusicPrompt}): the song's styles and its sections in order, as the API reads and writes
 * it. Lists may arrive null (a field left out); {@link PlanChecks} reports those, the planners never produce them.
 */
public record CompositionPlan(List<String> positiveGlobalStyles, List<String> negativeGlobalStyles, List<SongSection> sections) {

    /** One section ({@code SongSection}); {@code durationMs} in milliseconds (3 000..120 000). */
    public record SongSection(String sectionName, List<String> positiveLocalStyles, List<String> negativeLocalStyles,
                              Integer durationMs, List<String> lines) {
        public SongSection withDuration(int ms) {
            return new SongSection(sectionName, positiveLocalStyles, negativeLocalStyles, ms, lines);
        }
    }

    /** The sum of the sections' durations (a checked plan has every duration). */
    public long durationMs() {
        return sections.stream().mapToLong(s -> s.durationMs() == null ? 0 : s.durationMs()).sum();
    }
}
