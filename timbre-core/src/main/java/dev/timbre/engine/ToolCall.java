package dev.timbre.engine;

import java.util.Objects;

/**
 * A call the model made to a {@link ToolSpec}.
 *
 * @param id the provider's id for the call, echoed back as {@link ChatMessage#toolCallId()} of the result
 * @param name the tool's name
 * @param argumentsJson the arguments as a JSON object text (at least {@code {}})
 */
public record ToolCall(String id, String name, String argumentsJson) {
    public ToolCall {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        argumentsJson = argumentsJson == null || argumentsJson.isBlank() ? "{}" : argumentsJson;
    }
}
