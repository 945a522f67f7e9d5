package dev.timbre.music;

import java.util.List;

/** {@code SongMetadata}: what the detailed response says about the song. */
public record SongMetadata(String title, String description, List<String> genres, List<String> languages, Boolean isExplicit) {}
