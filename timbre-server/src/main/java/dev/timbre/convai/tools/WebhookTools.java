package dev.timbre.convai.tools;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * Runs webhook (server) tools over HTTP from their {@code api_schema}. Thread-safe; blocking (call it off the socket
 * thread). Never throws for a failing, slow or unreachable endpoint: those come back as {@code isError} results the
 * LLM can read.
 */
public interface WebhookTools {
    /**
     * @param toolConfig the tool's config ({@code type: webhook}, {@code name}, {@code api_schema}, {@code response_timeout_secs}…)
     * @param argumentsJson the LLM's arguments, a JSON object text
     * @param dynamicVariables the conversation's dynamic variables (for {@code {{var}}} and {@code dynamic_variable} parameters)
     */
    WebhookToolResult call(JsonNode toolConfig, String argumentsJson, Map<String, Object> dynamicVariables);
}
