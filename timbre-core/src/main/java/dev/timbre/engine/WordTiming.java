package dev.timbre.engine;

/** A word of the spoken text and when it is heard, in seconds from the start of the stream's audio. */
public record WordTiming(String word, double start, double end) {}
