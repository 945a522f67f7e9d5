package dev.timbre.convai.conversation.transport;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timbre.agent.session.Frame;
import dev.timbre.http.Json;
import java.util.LinkedHashMap;
import java.util.Map;

/** The socket's server → client events (the shapes of {@code @elevenlabs/types}), as JSON-ready maps. */
public final class ServerEvents {
    private ServerEvents() {}

    /** The client event type of a frame (what {@code conversation.client_events} lists). */
    static String type(Frame.Output f) {
        if (f instanceof Frame.ResponsePart) return "agent_chat_response_part";
        if (f instanceof Frame.AgentResponse) return "agent_response";
        if (f instanceof Frame.ClientToolCall) return "client_tool_call";
        if (f instanceof Frame.ToolRequest) return "agent_tool_request";
        if (f instanceof Frame.ToolResponse) return "agent_tool_response";
        if (f instanceof Frame.AgentAudio) return "audio";
        if (f instanceof Frame.UserTranscript) return "user_transcript";
        if (f instanceof Frame.TentativeUserTranscript) return "tentative_user_transcript";
        if (f instanceof Frame.VadScore) return "vad_score";
        if (f instanceof Frame.Interruption) return "interruption";
        if (f instanceof Frame.ResponseCorrection) return "agent_response_correction";
        return "error";
    }

    static Map<String, Object> of(Frame.Output f) {
        if (f instanceof Frame.ResponsePart p) {
            return event("agent_chat_response_part", "text_response_part",
                    body("text", p.text(), "type", p.type().wireName(), "event_id", p.eventId()));
        }
        if (f instanceof Frame.AgentResponse r) {
            return event("agent_response", "agent_response_event", body("agent_response", r.text(), "event_id", r.eventId()));
        }
        if (f instanceof Frame.ClientToolCall c) {
            return event("client_tool_call", "client_tool_call", body("tool_name", c.toolName(), "tool_call_id", c.toolCallId(),
                    "parameters", parameters(c.parametersJson()), "event_id", c.eventId()));
        }
        if (f instanceof Frame.ToolRequest t) {
            return event("agent_tool_request", "agent_tool_request", body("tool_name", t.toolName(), "tool_call_id", t.toolCallId(),
                    "tool_type", t.toolType(), "event_id", t.eventId()));
        }
        if (f instanceof Frame.ToolResponse t) {
            return event("agent_tool_response", "agent_tool_response", body("tool_name", t.toolName(), "tool_call_id", t.toolCallId(),
                    "tool_type", t.toolType(), "is_error", t.isError(), "is_called", t.isCalled(), "event_id", t.eventId()));
        }
        Map<String, Object> voice = VoiceEvents.of(f);
        if (voice != null) return voice;
        Frame.Error e = (Frame.Error) f;
        return error(e.code(), e.errorType(), e.message());
    }

    public static Map<String, Object> error(int code, String errorType, String message) {
        return event("error", "error_event", body("code", code, "message", message, "error_type", errorType));
    }

    static Map<String, Object> metadata(String conversationId, String outputFormat, String inputFormat) {
        return event("conversation_initiation_metadata", "conversation_initiation_metadata_event", body(
                "conversation_id", conversationId, "agent_output_audio_format", outputFormat, "user_input_audio_format", inputFormat));
    }

    static Map<String, Object> ping(int eventId, Integer pingMs) {
        return event("ping", "ping_event", body("event_id", eventId, "ping_ms", pingMs));
    }

    private static JsonNode parameters(String json) {
        try {
            JsonNode n = Json.MAPPER.readTree(json);
            return n != null && n.isObject() ? n : Json.MAPPER.createObjectNode();
        } catch (Exception e) {
            return Json.MAPPER.createObjectNode();
        }
    }

    static Map<String, Object> event(String type, String field, Map<String, Object> body) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", type);
        m.put(field, body);
        return m;
    }

    static Map<String, Object> body(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
        return m;
    }
}
