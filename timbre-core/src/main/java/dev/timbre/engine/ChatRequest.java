package dev.timbre.engine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One request to a {@link LanguageModel}.
 *
 * @param messages the conversation so far, oldest first (system messages included)
 * @param tools functions the model may call; empty for none
 * @param temperature sampling temperature, null for the provider's default
 * @param maxTokens reply length limit, null for the provider's default
 * @param extraBody provider-specific fields merged into the request body (JSON-like: Map, List, String, Number,
 *        Boolean, null); empty for none
 */
public record ChatRequest(List<ChatMessage> messages, List<ToolSpec> tools, Double temperature, Integer maxTokens,
                          Map<String, Object> extraBody) {
    public ChatRequest {
        messages = List.copyOf(Objects.requireNonNull(messages, "messages"));
        tools = tools == null ? List.of() : List.copyOf(tools);
        extraBody = extraBody == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(extraBody));
    }

    public static ChatRequest of(List<ChatMessage> messages) {
        return new ChatRequest(messages, List.of(), null, null, null);
    }

    public static ChatRequest of(List<ChatMessage> messages, List<ToolSpec> tools) {
        return new ChatRequest(messages, tools, null, null, null);
    }

    /** The system messages' contents joined by blank lines; empty when there are none. */
    public String systemPrompt() {
        StringBuilder b = new StringBuilder();
        for (ChatMessage m : messages) {
            if (m.role() == ChatMessage.Role.SYSTEM && m.content() != null && !m.content().isBlank()) {
                if (b.length() > 0) b.append("\n\n");
                b.append(m.content());
            }
        }
        return b.toString();
    }
}
