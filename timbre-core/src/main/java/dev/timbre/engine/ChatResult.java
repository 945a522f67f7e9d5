package dev.timbre.engine;

import java.util.List;

/** A whole reply, as collected by {@link LanguageModel#complete}. {@code usage} may be null. */
public record ChatResult(String text, List<ToolCall> toolCalls, FinishReason finishReason, TokenUsage usage) {
    public ChatResult {
        text = text == null ? "" : text;
        toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
    }
}
