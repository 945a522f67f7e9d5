package dev.timbre.convai.agents;

import java.util.List;

/** {@code AgentSummaryResponseModel}. */
public record AgentSummary(String agentId, String name, String voiceId, List<String> tags, long createdAtUnixSecs, AccessInfo accessInfo,
                           Long lastCallTimeUnixSecs, boolean archived) {
    /** {@code ResourceAccessInfo}: a single-workspace server, so the caller is always the creator and admin. */
    public record AccessInfo(boolean isCreator, String creatorName, String creatorEmail, String role) {
        public static final AccessInfo OWNER = new AccessInfo(true, "", "", "admin");
    }
}
