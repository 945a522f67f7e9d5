package dev.timbre.engine;

import java.util.Map;

/**
 * A voice an engine offers out of the box.
 *
 * @param id the engine's own, stable id for the voice (e.g. {@code cmu-slt-hsmm})
 * @param labels descriptive labels as ElevenLabs uses them: {@code gender}, {@code age}, {@code accent},
 *               {@code description}, {@code use_case}
 * @param language ISO 639-1 code of the voice's main language
 */
public record VoiceDescriptor(String id, String name, String description, String language, Map<String, String> labels) {
    public VoiceDescriptor {
        labels = Map.copyOf(labels);
    }
}
