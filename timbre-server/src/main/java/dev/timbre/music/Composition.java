package dev.timbre.music;

import dev.timbre.music.compose.Song;

/**
 * A checked compose request, ready to render: the plan (given, or made from the prompt), the song the composer
 * renders from it, what the detailed response says about it, and the id the response announces ({@code song-id}).
 */
public record Composition(CompositionPlan plan, Song song, SongMetadata metadata, String songId) {
    public DetailedMusicResponse detailed() {
        return new DetailedMusicResponse(plan, metadata);
    }
}
