package dev.timbre.agent.transcript;

import java.util.Objects;

/**
 * A tool result in the transcript: the seed's {@code ConversationHistoryTranscript…ToolsResultCommonModel}.
 *
 * @param type {@code system}, {@code webhook}, {@code client} or {@code mcp}
 * @param requestId the {@link ToolCallEntry#requestId()} it answers
 * @param resultValue what the tool returned (or the error text), as given to the LLM
 * @param toolLatencySecs wall time of the call in seconds
 */
public record ToolResultEntry(String type, String requestId, String toolName, String resultValue, boolean isError,
                              boolean toolHasBeenCalled, double toolLatencySecs) {
    public ToolResultEntry {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(toolName, "toolName");
        resultValue = resultValue == null ? "" : resultValue;
    }
}
