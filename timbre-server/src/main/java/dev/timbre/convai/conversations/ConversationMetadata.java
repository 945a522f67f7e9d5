package dev.timbre.convai.conversations;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.timbre.http.Json;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A conversation's {@code metadata}: what is stored from a {@link ConversationStart} (values the API's enums do not
 * know are normalised on the way in, so every read conforms) and the {@code ConversationHistoryMetadataCommonModel}
 * built from a row.
 */
final class ConversationMetadata {
    static final Set<String> AUTHORIZATION_METHODS = Set.of("invalid", "public", "authorization_header", "signed_url",
            "shareable_link", "livekit_token", "livekit_token_website", "genesys_api_key");
    static final Set<String> SOURCES = Set.of("unknown", "android_sdk", "node_js_sdk", "react_native_sdk", "react_sdk",
            "js_sdk", "python_sdk", "widget", "sip_trunk", "twilio", "genesys", "swift_sdk", "whatsapp");
    private static final Pattern VERSION = Pattern.compile("^[0-9]+\\.[0-9]+\\.[0-9]+(-[a-zA-Z0-9.-]+)?$");

    private ConversationMetadata() {}

    /**
     * The stored metadata of a start: an unknown source becomes {@code unknown}, a version that is not semver is
     * dropped, {@code api_key} becomes {@code authorization_header} and other unknown methods {@code public}.
     */
    static ObjectNode of(ConversationStart s) {
        ObjectNode m = Json.MAPPER.createObjectNode();
        m.put("conversation_initiation_source", s.source() != null && SOURCES.contains(s.source()) ? s.source() : "unknown");
        String version = s.sourceVersion();
        m.put("conversation_initiation_source_version",
                version != null && version.length() <= 50 && VERSION.matcher(version).matches() ? version : null);
        m.put("authorization_method", authorizationMethod(s.authorizationMethod()));
        m.put("main_language", s.mainLanguage());
        return m;
    }

    static String authorizationMethod(String method) {
        if (method == null) return "public";
        if (AUTHORIZATION_METHODS.contains(method)) return method;
        return method.equals("api_key") ? "authorization_header" : "public";
    }

    static String mainLanguage(StoredConversation c) {
        return c.metadata().path("main_language").isTextual() ? c.metadata().get("main_language").asText() : null;
    }

    static String source(StoredConversation c) {
        return c.metadata().path("conversation_initiation_source").asText("unknown");
    }

    /** {@code ConversationHistoryMetadataCommonModel}; no charging or batch records exist yet. */
    static ObjectNode view(StoredConversation c) {
        ObjectNode m = Json.MAPPER.createObjectNode();
        m.put("start_time_unix_secs", c.startTimeUnix());
        m.put("accepted_time_unix_secs", c.startTimeUnix());
        m.put("call_duration_secs", c.callDurationSecs());
        m.putNull("cost");
        ObjectNode deletion = m.putObject("deletion_settings");
        deletion.putNull("deletion_time_unix_secs").putNull("deleted_logs_at_time_unix_secs")
                .putNull("deleted_audio_at_time_unix_secs").putNull("deleted_transcript_at_time_unix_secs")
                .put("delete_transcript_and_pii", false).put("delete_audio", false);
        m.putObject("feedback").put("overall_score", c.feedbackScore()).put("likes", c.likes()).put("dislikes", c.dislikes());
        m.put("authorization_method", authorizationMethod(c.metadata().path("authorization_method").asText(null)));
        m.putObject("charging").put("dev_discount", false).put("is_burst", false).putNull("tier").putNull("llm_price")
                .putNull("llm_charge").putNull("call_charge").put("free_minutes_consumed", 0.0).put("free_llm_dollars_consumed", 0.0);
        if (c.phoneCall() == null) m.putNull("phone_call");
        else m.set("phone_call", c.phoneCall().json());
        m.putNull("batch_call");
        m.put("termination_reason", c.terminationReason());
        if (c.errorCode() == null) m.putNull("error");
        else m.putObject("error").put("code", c.errorCode()).put("reason", c.errorReason());
        m.put("main_language", mainLanguage(c));
        m.putNull("rag_usage");
        m.put("text_only", c.textOnly());
        m.putObject("eleven_assistant").put("is_eleven_assistant", false);
        m.putNull("initiator_id");
        m.put("conversation_initiation_source", source(c));
        m.set("conversation_initiation_source_version", c.metadata().path("conversation_initiation_source_version").isTextual()
                ? c.metadata().get("conversation_initiation_source_version") : Json.MAPPER.nullNode());
        m.putNull("timezone");
        m.putObject("initiation_trigger").put("trigger_type", "default");
        m.putNull("async_metadata");
        return m;
    }
}
