package dev.timbre.convai.recording;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * Whether a conversation is recorded, from the agent's configuration ({@code GetAgentResponseModel}, defaults laid
 * over): voice conversations are, unless {@code platform_settings.privacy.record_voice} is false (default true) or
 * {@code platform_settings.privacy.zero_retention_mode} is true; text-only conversations never are. The recording is
 * capped at {@code conversation_config.conversation.max_duration_seconds} (when positive), at most one hour.
 */
public final class RecordingPolicy {
    private RecordingPolicy() {}

    /** A new recording for one conversation, or empty when nothing may be recorded. */
    public static Optional<CallRecording> forConversation(JsonNode agentConfig, boolean textOnly) {
        if (textOnly || agentConfig == null) return Optional.empty();
        JsonNode privacy = agentConfig.path("platform_settings").path("privacy");
        if (!privacy.path("record_voice").asBoolean(true) || privacy.path("zero_retention_mode").asBoolean(false)) return Optional.empty();
        int max = agentConfig.path("conversation_config").path("conversation").path("max_duration_seconds").asInt(0);
        return Optional.of(new CallRecording(max > 0 ? max : CallRecording.MAX_SECONDS));
    }
}
