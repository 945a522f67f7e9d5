package dev.timbre.agent.transcript;

import java.util.Map;
import java.util.Objects;

/**
 * A tool call in the transcript: the seed's {@code ConversationHistoryTranscriptToolCallCommonModel}.
 *
 * @param type {@code system}, {@code webhook}, {@code client}, {@code mcp} or {@code workflow}
 * @param requestId the call's id (also the {@code tool_call_id} a client tool result answers)
 * @param toolName the tool's name
 * @param paramsAsJson the arguments, a JSON object text
 * @param toolHasBeenCalled false when the call was refused before running (unknown tool, bad arguments)
 * @param toolDetails the seed's {@code tool_details} (webhook: type, method, url, headers, path_params,
 *        query_params, body; client: type, parameters) as JSON-like values; null when none
 */
public record ToolCallEntry(String type, String requestId, String toolName, String paramsAsJson,
                            boolean toolHasBeenCalled, Map<String, Object> toolDetails) {
    public ToolCallEntry {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(toolName, "toolName");
        paramsAsJson = paramsAsJson == null || paramsAsJson.isBlank() ? "{}" : paramsAsJson;
    }
}
