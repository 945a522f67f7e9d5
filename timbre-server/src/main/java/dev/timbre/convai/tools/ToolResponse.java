package dev.timbre.convai.tools;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** {@code ToolResponseModel}. */
public record ToolResponse(String id, ObjectNode toolConfig, AccessInfo accessInfo, UsageStats usageStats) {

    /** {@code ResourceAccessInfo}: a single-user server, so the caller is always the creator and admin. */
    public record AccessInfo(boolean isCreator, String creatorName, String creatorEmail, String role) {}

    /** {@code ToolUsageStatsResponseModel}: webhook calls made by conversations and their average latency. */
    public record UsageStats(long totalCalls, double avgLatencySecs) {}
}
