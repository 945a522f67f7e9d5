package dev.timbre.soundgeneration;

/**
 * The body of {@code POST /v1/sound-generation} (snake_case on the wire). {@code seed} is Timbre's own addition (the
 * embedded generator's seed; a hash of the text when absent).
 */
public record SoundGenerationRequest(String text, Boolean loop, Double durationSeconds, Double promptInfluence, String modelId, Long seed) {}
