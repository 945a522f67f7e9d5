package dev.timbre.convai.tools;

import java.util.Map;

/**
 * The outcome of one webhook tool call.
 *
 * @param resultValue the response body (or a clear error text for the LLM when {@code isError})
 * @param toolDetails the seed's {@code ConversationHistoryTranscriptToolCallWebhookDetails} (type "webhook", method,
 *        url, headers with secret values masked, path_params, query_params, body) as JSON-like values
 * @param latencySecs wall time of the HTTP call
 * @param assignments the dynamic variables the tool's {@code assignments} took from a successful response (empty for none)
 */
public record WebhookToolResult(String resultValue, boolean isError, Map<String, Object> toolDetails, double latencySecs,
                                Map<String, Object> assignments) {
    public WebhookToolResult {
        assignments = assignments == null ? Map.of() : Map.copyOf(assignments);
    }

    /** A result that assigns no variables. */
    public WebhookToolResult(String resultValue, boolean isError, Map<String, Object> toolDetails, double latencySecs) {
        this(resultValue, isError, toolDetails, latencySecs, null);
    }
}
