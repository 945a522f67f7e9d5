package dev.timbre.user;

/** The stored usage row: characters used this period, the limit, when the period ends, when the workspace began. */
public record Usage(long characterCount, long characterLimit, long nextResetUnix, long createdAt) {}
