package dev.timbre.agent.session;

import dev.timbre.engine.ChatMessage;
import dev.timbre.engine.ToolCall;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The conversation after the system prompt, as the LLM sees it, kept in an order the LLM accepts: an assistant
 * message with tool calls is followed by those calls' results before anything else, so messages said while results
 * are outstanding (a transfer message, a filler) wait in {@link #defer} until {@link #releaseDeferred}. Loop thread
 * only.
 */
final class ChatHistory {
    private final List<ChatMessage> messages = new ArrayList<>();
    private final List<ChatMessage> deferred = new ArrayList<>();

    /** The messages so far (a live view: callers copy what they keep). */
    List<ChatMessage> messages() { return messages; }

    int size() { return messages.size(); }

    void add(ChatMessage m) { messages.add(m); }

    /** A message said while tool results are outstanding: appended after them. */
    void defer(ChatMessage m) { deferred.add(m); }

    void toolResult(String callId, String result) { messages.add(ChatMessage.tool(callId, result)); }

    /** The tool calls get {@code result} as their answer (cancelled, not run), then the deferred messages follow. */
    void closeCalls(Collection<ToolCall> calls, String result) {
        for (ToolCall c : calls) toolResult(c.id(), result);
        releaseDeferred();
    }

    /** All outstanding tool results are in: the deferred messages follow them. */
    void releaseDeferred() {
        messages.addAll(deferred);
        deferred.clear();
    }

    /** Back to the first {@code size} messages; deferred messages are dropped. */
    void truncate(int size) {
        while (messages.size() > size) messages.remove(messages.size() - 1);
        deferred.clear();
    }

    /** The latest assistant message with {@code original} as its content gets {@code text} instead. */
    void replaceAssistant(String original, String text) {
        for (List<ChatMessage> list : List.of(deferred, messages)) {
            for (int i = list.size() - 1; i >= 0; i--) {
                ChatMessage m = list.get(i);
                if (m.role() == ChatMessage.Role.ASSISTANT && original.equals(m.content())) {
                    list.set(i, new ChatMessage(ChatMessage.Role.ASSISTANT, text, m.toolCalls(), null));
                    return;
                }
            }
        }
    }
}
