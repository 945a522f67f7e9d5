package dev.timbre.agent.session;

import dev.timbre.engine.ChatStream;
import dev.timbre.engine.ToolCall;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One agent turn: the LLM rounds answering one user message, with the tool calls between them. Loop thread only.
 * A round is one LLM request; its text and tool calls are collected here until the request ends.
 */
final class Turn {
    final int id;
    /** LLM requests made so far in this turn. */
    int rounds;
    /** The request in progress, or null. */
    ChatStream stream;
    /** The event id of the current round's response; 0 until its first text arrives. */
    int eventId;
    final StringBuilder text = new StringBuilder();
    final List<ToolCall> calls = new ArrayList<>();
    /** Tool calls of the current round whose results the LLM has not got yet (by id). */
    final Map<String, ToolCall> unanswered = new LinkedHashMap<>();
    /** Timers to cancel with the turn (tool timeouts). */
    final List<SessionLoop.Timer> timers = new ArrayList<>();
    boolean cancelled;
    /** The knowledge retrieved for this turn (its LLM rounds all see it), or null. */
    dev.timbre.agent.transcript.RagRetrieval rag;
    /** True until {@link #rag} is put on the turn's first agent transcript entry. */
    boolean ragUnrecorded;

    Turn(int id) { this.id = id; }

    /** Starts the next round: clears the previous round's text and calls. */
    int nextRound() {
        rounds++;
        eventId = 0;
        text.setLength(0);
        calls.clear();
        return rounds;
    }

    /** Stops everything in flight: closes the LLM request, cancels timers. Idempotent. */
    void cancel() {
        cancelled = true;
        ChatStream s = stream;
        stream = null;
        if (s != null) s.close();
        for (SessionLoop.Timer t : timers) t.cancel();
        timers.clear();
    }
}
