package dev.timbre.agent.transcript;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A tool result in the transcript: the seed's {@code ConversationHistoryTranscript…ToolsResultCommonModel}.
 *
 * @param type {@code system}, {@code webhook}, {@code client}, {@code mcp} or {@code workflow}
 * @param requestId the {@link ToolCallEntry#requestId()} it answers
 * @param resultValue what the tool returned (or the error text), as given to the LLM
 * @param toolLatencySecs wall time of the call in seconds
 * @param result workflow results: the seed's {@code WorkflowToolResponseModel} ({@code steps}) as JSON-like values;
 *        null (and left out of the JSON) for other tools
 * @param dynamicVariableUpdates the variables its {@code assignments} changed (empty for none)
 */
public record ToolResultEntry(String type, String requestId, String toolName, String resultValue, boolean isError,
                              boolean toolHasBeenCalled, double toolLatencySecs,
                              @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, Object> result,
                              List<DynamicVariableUpdate> dynamicVariableUpdates) {
    public ToolResultEntry {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(toolName, "toolName");
        resultValue = resultValue == null ? "" : resultValue;
        dynamicVariableUpdates = dynamicVariableUpdates == null ? List.of() : List.copyOf(dynamicVariableUpdates);
    }

    /** A result without a workflow {@code result} that changed no variables. */
    public ToolResultEntry(String type, String requestId, String toolName, String resultValue, boolean isError,
                           boolean toolHasBeenCalled, double toolLatencySecs) {
        this(type, requestId, toolName, resultValue, isError, toolHasBeenCalled, toolLatencySecs, null, null);
    }
}
