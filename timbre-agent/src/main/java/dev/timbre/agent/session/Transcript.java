package dev.timbre.agent.session;

import dev.timbre.agent.transcript.ToolCallEntry;
import dev.timbre.agent.transcript.ToolResultEntry;
import dev.timbre.agent.transcript.TranscriptEntry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The transcript a session builds: entries in order, agent entries findable by the event id of their response (for
 * feedback). Not thread-safe: the session's loop thread owns it.
 */
final class Transcript {
    private final List<TranscriptEntry> entries = new ArrayList<>();
    private final Map<Integer, Integer> byEventId = new HashMap<>();

    void addUser(String text, int secs) {
        entries.add(TranscriptEntry.user(text, secs, "text"));
    }

    /** Adds an agent entry; returns its index. {@code eventId} ≤ 0 when it has no response event. */
    int addAgent(String text, int secs, int eventId) {
        entries.add(TranscriptEntry.agent(text, secs));
        if (eventId > 0) byEventId.put(eventId, entries.size() - 1);
        return entries.size() - 1;
    }

    void setMessage(int index, String text) {
        TranscriptEntry e = entries.get(index);
        entries.set(index, new TranscriptEntry(e.role(), text, e.timeInCallSecs(), e.toolCalls(), e.toolResults(),
                e.feedback(), e.interrupted(), e.originalMessage(), e.sourceMedium(), e.turnMetrics()));
    }

    /** The agent was cut short after saying {@code said}. */
    void interrupt(int index, String said) {
        TranscriptEntry e = entries.get(index);
        entries.set(index, new TranscriptEntry(e.role(), said, e.timeInCallSecs(), e.toolCalls(), e.toolResults(),
                e.feedback(), true, said, e.sourceMedium(), e.turnMetrics()));
    }

    void addToolCall(int index, ToolCallEntry call) {
        TranscriptEntry e = entries.get(index);
        List<ToolCallEntry> calls = new ArrayList<>(e.toolCalls());
        calls.add(call);
        entries.set(index, new TranscriptEntry(e.role(), e.message(), e.timeInCallSecs(), calls, e.toolResults(),
                e.feedback(), e.interrupted(), e.originalMessage(), e.sourceMedium(), e.turnMetrics()));
    }

    void addToolResult(int index, ToolResultEntry result) {
        TranscriptEntry e = entries.get(index);
        List<ToolResultEntry> results = new ArrayList<>(e.toolResults());
        results.add(result);
        entries.set(index, new TranscriptEntry(e.role(), e.message(), e.timeInCallSecs(), e.toolCalls(), results,
                e.feedback(), e.interrupted(), e.originalMessage(), e.sourceMedium(), e.turnMetrics()));
    }

    /** Marks the agent message of {@code eventId}; false when there is none. */
    boolean feedback(int eventId, String score) {
        Integer i = byEventId.get(eventId);
        if (i == null) return false;
        entries.set(i, entries.get(i).withFeedback(score));
        return true;
    }

    List<TranscriptEntry> snapshot() { return List.copyOf(entries); }
}
