package dev.timbre.music;

/** {@code DetailedMusicResponse}: the JSON part of {@code /v1/music/detailed}. */
public record DetailedMusicResponse(CompositionPlan compositionPlan, SongMetadata songMetadata) {}
