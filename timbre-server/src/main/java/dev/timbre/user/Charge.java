package dev.timbre.user;

/** The workspace character count before and after one charge; {@code to - from} is what was charged. */
public record Charge(int from, int to) {}
