package dev.timbre.openai;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The JSON body of OpenAI's {@code POST /v1/audio/speech} (Create speech). {@code voice} is a name such as
 * {@code "alloy"}, a Timbre voice id, or an object {@code {"id": "…"}}; {@code instructions} is accepted and ignored.
 */
public record OpenAiSpeechRequest(
        String model,
        String input,
        JsonNode voice,
        String instructions,
        String responseFormat,
        Double speed,
        String streamFormat) {}
