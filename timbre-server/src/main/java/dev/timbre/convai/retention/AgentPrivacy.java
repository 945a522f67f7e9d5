package dev.timbre.convai.retention;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An agent's {@code platform_settings.privacy} as retention applies it.
 *
 * @param retentionDays how many days finished conversations are kept; negative ({@code -1}, the default) keeps them
 * @param deleteAudio remove the recordings of finished conversations (the conversations stay)
 */
record AgentPrivacy(String agentId, int retentionDays, boolean deleteAudio) {

    static AgentPrivacy of(String agentId, JsonNode config) {
        JsonNode p = config.path("platform_settings").path("privacy");
        return new AgentPrivacy(agentId, p.path("retention_days").canConvertToInt() ? p.path("retention_days").asInt(-1) : -1,
                p.path("delete_audio").asBoolean(false));
    }
}
