package dev.timbre.engine;

/** What an engine is: its provider id (e.g. {@code marytts}), a human description and what it can do. */
public record EngineInfo(String provider, String description, EngineCapabilities capabilities) {}
