package dev.timbre.music.compose;

import java.util.List;

/**
 * What the composer renders: global styles and the sections in order. Durations are exact: the rendering of a section
 * is exactly {@code durationMs} long (at the sample rate, rounded at the section's boundaries), the song their sum.
 *
 * @param positiveStyles styles of the whole song (genre, mood, tempo such as "90 bpm", key such as "A minor", instruments)
 * @param negativeStyles styles the whole song avoids ("drums", "vocals", a genre or instrument)
 * @param sections       at least one
 * @param seed           the same song and seed give the same audio
 * @param vocals         whether lines are sung (spoken on the beat); false: instrumental
 */
public record Song(List<String> positiveStyles, List<String> negativeStyles, List<Section> sections, long seed, boolean vocals) {
    public Song {
        positiveStyles = List.copyOf(positiveStyles);
        negativeStyles = List.copyOf(negativeStyles);
        sections = List.copyOf(sections);
        if (sections.isEmpty()) throw new IllegalArgumentException("a song needs at least one section");
    }

    /** One section: its name ("Verse 1", "Chorus"), exact length, its own styles over the song's, its lines. */
    public record Section(String name, int durationMs, List<String> positiveStyles, List<String> negativeStyles, List<String> lines) {
        public Section {
            if (durationMs <= 0) throw new IllegalArgumentException("a section lasts more than 0 ms");
            positiveStyles = List.copyOf(positiveStyles);
            negativeStyles = List.copyOf(negativeStyles);
            lines = List.copyOf(lines);
        }
    }

    /** The song's length in milliseconds. */
    public long durationMs() {
        return sections.stream().mapToLong(Section::durationMs).sum();
    }
}
