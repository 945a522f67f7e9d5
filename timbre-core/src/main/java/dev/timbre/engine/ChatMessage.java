package dev.timbre.engine;

import java.util.List;
import java.util.Objects;

/**
 * One message of a conversation.
 *
 * @param role who wrote it
 * @param content its text; may be empty for an assistant message that only calls tools
 * @param toolCalls on assistant messages: the tools it called (empty otherwise)
 * @param toolCallId on tool messages: the {@link ToolCall#id()} this result answers (null otherwise)
 */
public record ChatMessage(Role role, String content, List<ToolCall> toolCalls, String toolCallId) {
    public enum Role {
        SYSTEM, USER, ASSISTANT, TOOL;

        /** The wire name: {@code system}, {@code user}, {@code assistant}, {@code tool}. */
        public String wireName() { return name().toLowerCase(java.util.Locale.ROOT); }
    }

    public ChatMessage {
        Objects.requireNonNull(role, "role");
        content = content == null ? "" : content;
        toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
        if (!toolCalls.isEmpty() && role != Role.ASSISTANT) throw new IllegalArgumentException("only assistant messages call tools");
        if (role == Role.TOOL && (toolCallId == null || toolCallId.isBlank())) throw new IllegalArgumentException("a tool message needs a tool_call_id");
    }

    public static ChatMessage system(String content) { return new ChatMessage(Role.SYSTEM, content, List.of(), null); }
    public static ChatMessage user(String content) { return new ChatMessage(Role.USER, content, List.of(), null); }
    public static ChatMessage assistant(String content) { return new ChatMessage(Role.ASSISTANT, content, List.of(), null); }
    public static ChatMessage assistant(String content, List<ToolCall> calls) { return new ChatMessage(Role.ASSISTANT, content, calls, null); }
    public static ChatMessage tool(String toolCallId, String content) { return new ChatMessage(Role.TOOL, content, List.of(), toolCallId); }
}
