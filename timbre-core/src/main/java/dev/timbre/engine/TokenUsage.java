package dev.timbre.engine;

/** Tokens a request used, as the provider counted them. */
public record TokenUsage(int inputTokens, int outputTokens) {}
