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
    /** Turn metrics for agent entries not added yet, by event id. */
    private final Map<Integer, Map<String, Double>> pendingMetrics = new HashMap<>();

    void addUser(String text, int secs, String medium) {
        entries.add(TranscriptEntry.user(text, secs, medium));
    }

    /** Adds an agent entry; returns its index. {@code eventId} ≤ 0 when it has no response event. */
    int addAgent(String text, int secs, int eventId) {
        TranscriptEntry entry = TranscriptEntry.agent(text, secs);
        Map<String, Double> metrics = eventId > 0 ? pendingMetrics.remove(eventId) : null;
        entries.add(metrics == null ? entry : entry.withTurnMetrics(metrics));
        if (eventId > 0) byEventId.put(eventId, entries.size() - 1);
        return entries.size() - 1;
    }

    void setMessage(int index, String text) {
        TranscriptEntry e = entries.get(index);
        entries.set(index, new TranscriptEntry(e.role(), text, e.timeInCallSecs(), e.toolCalls(), e.toolResults(),
                e.feedback(), e.interrupted(), e.originalMessage(), e.sourceMedium(), e.turnMetrics(), e.ragRetrieval()));
    }

    /** Records the knowledge retrieved for the agent entry at {@code index} ({@code rag_retrieval_info}). */
    void ragRetrieval(int index, dev.timbre.agent.transcript.RagRetrieval retrieval) {
        entries.set(index, entries.get(index).withRagRetrieval(retrieval));
    }

    /** The agent was cut short: the user heard only {@code heard} of {@code original} (the full text). */
    void interrupt(int index, String heard, String original) {
        TranscriptEntry e = entries.get(index);
        entries.set(index, new TranscriptEntry(e.role(), heard, e.timeInCallSecs(), e.toolCalls(), e.toolResults(),
                e.feedback(), true, original, e.sourceMedium(), e.turnMetrics(), e.ragRetrieval()));
    }

    /** The index of the agent entry of response {@code eventId}, or -1. */
    int indexOf(int eventId) {
        Integer i = byEventId.get(eventId);
        return i == null ? -1 : i;
    }

    TranscriptEntry get(int index) { return entries.get(index); }

    /**
     * Puts voice turn metrics on the agent entry of {@code eventId}; when that entry does not exist yet (the reply is
     * still streaming) they wait and are applied when it is added. Returns true when an existing entry changed.
     */
    boolean turnMetrics(int eventId, Map<String, Double> metrics) {
        Integer i = byEventId.get(eventId);
        if (i == null) {
            pendingMetrics.put(eventId, metrics);
            return false;
        }
        entries.set(i, entries.get(i).withTurnMetrics(metrics));
        return true;
    }

    void addToolCall(int index, ToolCallEntry call) {
        TranscriptEntry e = entries.get(index);
        List<ToolCallEntry> calls = new ArrayList<>(e.toolCalls());
        calls.add(call);
        entries.set(index, new TranscriptEntry(e.role(), e.message(), e.timeInCallSecs(), calls, e.toolResults(),
                e.feedback(), e.interrupted(), e.originalMessage(), e.sourceMedium(), e.turnMetrics(), e.ragRetrieval()));
    }

    void addToolResult(int index, ToolResultEntry result) {
        TranscriptEntry e = entries.get(index);
        List<ToolResultEntry> results = new ArrayList<>(e.toolResults());
        results.add(result);
        entries.set(index, new TranscriptEntry(e.role(), e.message(), e.timeInCallSecs(), e.toolCalls(), results,
                e.feedback(), e.interrupted(), e.originalMessage(), e.sourceMedium(), e.turnMetrics(), e.ragRetrieval()));
    }

    /** Marks the agent message of {@code eventId}; false when there is none. */
    boolean feedback(int eventId, String score) {
        Integer i = byEventId.get(eventId);
        if (i == null) return false;
        entries.set(i, entries.get(i).withFeedback(score));
        return true;
    }

    int size() { return entries.size(); }

    /** Drops the entries from {@code size} on (a retracted speculative turn). */
    void truncate(int size) {
        while (entries.size() > size) entries.remove(entries.size() - 1);
        byEventId.values().removeIf(i -> i >= size);
    }

    List<TranscriptEntry> snapshot() { return List.copyOf(entries); }
}
