package dev.timbre.convai.simulation;

import dev.timbre.agent.transcript.TranscriptEntry;
import java.util.List;

/** Helpers for a simulation's {@code partial_conversation_history}. Stateless. */
final class SimulationHistory {
    private SimulationHistory() {}

    /**
     * The history the agent is told about in its prompt: all of it, except a last user message, which the session
     * hears as a real message (so the agent answers it).
     */
    static List<TranscriptEntry> context(List<TranscriptEntry> history) {
        if (!history.isEmpty() && history.get(history.size() - 1).role().equals("user")) return history.subList(0, history.size() - 1);
        return history;
    }

    /** {@code User: …} / {@code Agent: …} lines (tool results as {@code Tool <name>: …}); empty for no history. */
    static String asText(List<TranscriptEntry> history) {
        StringBuilder b = new StringBuilder();
        for (TranscriptEntry e : history) {
            if (e.message() != null && !e.message().isBlank()) {
                b.append(e.role().equals("user") ? "User: " : "Agent: ").append(e.message().strip()).append('\n');
            }
            e.toolResults().forEach(r -> b.append("Tool ").append(r.toolName()).append(": ").append(r.resultValue()).append('\n'));
        }
        return b.toString();
    }

    /** Seconds in call where the history ends (new messages are timed from there). */
    static int endSecs(List<TranscriptEntry> history) {
        return history.stream().mapToInt(TranscriptEntry::timeInCallSecs).max().orElse(0);
    }
}
