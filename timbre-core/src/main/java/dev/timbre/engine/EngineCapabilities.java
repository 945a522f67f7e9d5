package dev.timbre.engine;

import java.util.Set;

/**
 * What an engine can do, as data. Adapters supply what an engine lacks once, by reading these flags.
 *
 * @param languages ISO 639-1 codes the engine handles (e.g. {@code en})
 * @param streamingInput accepts text or audio incrementally
 * @param wordTimestamps reports word timings with its output
 * @param ssml understands SSML input
 */
public record EngineCapabilities(Set<String> languages, boolean streamingInput, boolean wordTimestamps, boolean ssml) {
    public EngineCapabilities {
        languages = Set.copyOf(languages);
    }
}
