package dev.timbre.convai.conversation.transport;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timbre.agent.session.Frame;
import dev.timbre.http.Json;

/**
 * One client → server frame of the conversation socket, parsed. Exactly one of the fields says what it is:
 * {@code input} for the session, {@code initiation} data, a {@code pongEventId}, or an {@code error} (type, message)
 * for a frame the session cannot use; {@code audio}: the base64 text of a {@code user_audio_chunk} (checked and decoded
 * by {@link UserAudioChunks}).
 */
record ClientMessage(Frame.Input input, JsonNode initiation, Integer pongEventId, String audio, String errorType, String error) {
    private static ClientMessage of(Frame.Input in) { return new ClientMessage(in, null, null, null, null, null); }
    private static ClientMessage invalid(String message) { return new ClientMessage(null, null, null, null, "invalid_message", message); }

    static ClientMessage parse(String text) {
        if (text != null && text.trim().equals("pong")) return new ClientMessage(null, null, -1, null, null, null);
        JsonNode m;
        try {
            m = Json.MAPPER.readTree(text);
        } catch (Exception e) {
            return invalid("Invalid message: not valid JSON");
        }
        if (m == null || !m.isObject()) return invalid("Invalid message: expected a JSON object");
        if (!m.has("type") && m.has("user_audio_chunk")) {
            return m.get("user_audio_chunk").isTextual() ? new ClientMessage(null, null, null, m.get("user_audio_chunk").asText(), null, null)
                    : invalid("Invalid user_audio_chunk: expected base64 audio as a string");
        }
        String type = m.path("type").asText("");
        return switch (type) {
            case "conversation_initiation_client_data" -> new ClientMessage(null, m, null, null, null, null);
            case "user_message" -> m.path("text").isTextual() ? of(new Frame.UserText(m.get("text").asText()))
                    : invalid("Invalid user_message: 'text' must be a string");
            case "contextual_update" -> m.path("text").isTextual() ? of(new Frame.ContextualUpdate(m.get("text").asText()))
                    : invalid("Invalid contextual_update: 'text' must be a string");
            case "user_activity" -> of(new Frame.UserActivity());
            case "pong" -> new ClientMessage(null, null, m.path("event_id").asInt(-1), null, null, null);
            case "feedback" -> {
                String score = m.path("score").asText("");
                if (!score.equals("like") && !score.equals("dislike")) yield invalid("Invalid feedback: 'score' must be 'like' or 'dislike'");
                if (!m.path("event_id").canConvertToInt()) yield invalid("Invalid feedback: 'event_id' must be an integer");
                yield of(new Frame.Feedback(score, m.get("event_id").asInt()));
            }
            case "client_tool_result" -> {
                if (!m.path("tool_call_id").isTextual()) yield invalid("Invalid client_tool_result: 'tool_call_id' is required");
                JsonNode r = m.path("result");
                String result = r.isMissingNode() || r.isNull() ? "" : r.isTextual() ? r.asText() : Json.write(r);
                yield of(new Frame.ClientToolResult(m.get("tool_call_id").asText(), result, m.path("is_error").asBoolean(false)));
            }
            case "" -> invalid("Invalid message: 'type' is required");
            default -> invalid("Unsupported message type '" + type + "'");
        };
    }
}
