package dev.timbre.texttospeech;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.timbre.http.ApiException;
import dev.timbre.http.Json;
import dev.timbre.voices.VoiceSettings;
import java.util.List;

/**
 * One client message of the stream-input sockets: the union of the AsyncAPI's {@code InitializeConnection},
 * {@code SendText}, {@code CloseConnection} and the multi-context messages ({@code WebsocketTTSClientMessageMulti}).
 * {@code text} null means "no text" (a control message); {@code ""} ends the stream (single) or keeps a context alive
 * (multi).
 */
record StreamInputMessage(
        String text,
        VoiceSettings voiceSettings,
        @JsonAlias("generator_config") GenerationConfig generationConfig,
        Boolean tryTriggerGeneration,
        Boolean flush,
        @JsonAlias("xi-api-key") String xiApiKey,
        String authorization,
        @JsonAlias("contextId") String contextId,
        Boolean closeContext,
        Boolean closeSocket,
        List<TextToSpeechRequest.PronunciationDictionaryLocator> pronunciationDictionaryLocators) {

    /** {@code GenerationConfig}: characters to buffer before each successive generation. */
    record GenerationConfig(List<Double> chunkLengthSchedule) {}

    static final int MIN_SCHEDULE = 50, MAX_SCHEDULE = 500;

    /** Parses one text frame; throws a validation {@link ApiException} for anything but a well-typed JSON object. */
    static StreamInputMessage parse(String frame) {
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(frame);
        } catch (JsonProcessingException e) {
            throw ApiException.invalid("Invalid JSON: " + e.getOriginalMessage(), "json_invalid", "message");
        }
        if (node == null || !node.isObject()) throw ApiException.invalid("The message must be a JSON object", "model_type", "message");
        JsonNode text = node.get("text");
        if (text != null && !text.isNull() && !text.isTextual()) {
            throw ApiException.invalid("Input should be a valid string", "string_type", "message", "text");
        }
        try {
            StreamInputMessage m = Json.MAPPER.treeToValue(node, StreamInputMessage.class);
            if (m.voiceSettings() != null) m.voiceSettings().validate("message", "voice_settings");
            m.schedule();
            return m;
        } catch (JsonProcessingException e) {
            throw ApiException.invalid("Invalid message: " + e.getOriginalMessage(), "type_error", "message");
        }
    }

    /** The chunk length schedule, if this message sets one; each entry must be within 50..500. */
    List<Integer> schedule() {
        if (generationConfig == null || generationConfig.chunkLengthSchedule() == null) return null;
        List<Double> s = generationConfig.chunkLengthSchedule();
        if (s.isEmpty()) throw ApiException.invalid("List should have at least 1 item", "too_short", "message", "generation_config", "chunk_length_schedule");
        for (Double v : s) {
            if (v == null || v < MIN_SCHEDULE || v > MAX_SCHEDULE) {
                throw ApiException.invalid("Each item should be between " + MIN_SCHEDULE + " and " + MAX_SCHEDULE, "value_error",
                        "message", "generation_config", "chunk_length_schedule");
            }
        }
        return s.stream().map(v -> (int) Math.ceil(v)).toList();
    }

    /** The key this message authenticates with: {@code xi_api_key}, or {@code authorization} without "Bearer ". */
    String key() {
        if (xiApiKey != null && !xiApiKey.isBlank()) return xiApiKey.trim();
        if (authorization == null || authorization.isBlank()) return null;
        String a = authorization.trim();
        return a.regionMatches(true, 0, "Bearer ", 0, 7) ? a.substring(7).trim() : a;
    }

    static boolean isSet(Boolean flag) {
        return Boolean.TRUE.equals(flag);
    }
}
