package dev.timbre.agent.transcript;

import java.util.List;
import java.util.Objects;

/**
 * One message of a conversation's transcript, shaped as the seed's {@code ConversationHistoryTranscriptCommonModel}
 * (component names map to its snake_case fields). Immutable; the session replaces an entry to change it.
 *
 * @param role {@code "user"} or {@code "agent"}
 * @param message the text; null for an agent turn that only called tools
 * @param timeInCallSecs whole seconds from the start of the call to the start of this message
 * @param toolCalls tools the agent called in this message (agent only)
 * @param toolResults their results, in call order (agent only)
 * @param feedback {@code "like"}/{@code "dislike"} the user gave this agent message, or null
 * @param interrupted true when the user cut this agent message short
 * @param originalMessage the full text before an interruption cut it; null when not interrupted
 * @param sourceMedium {@code "text"} or {@code "audio"}; null for agent messages
 * @param turnMetrics voice turns: {@code conversation_turn_metrics.metrics}, metric name → elapsed seconds (on the
 *                    agent entry that answered the turn); empty otherwise
 * @param ragRetrieval the chunks retrieved for this agent message ({@code rag_retrieval_info}), or null
 */
public record TranscriptEntry(String role, String message, int timeInCallSecs, List<ToolCallEntry> toolCalls,
                              List<ToolResultEntry> toolResults, String feedback, boolean interrupted,
                              String originalMessage, String sourceMedium, java.util.Map<String, Double> turnMetrics,
                              RagRetrieval ragRetrieval) {
    /** An entry without retrieval. */
    public TranscriptEntry(String role, String message, int timeInCallSecs, List<ToolCallEntry> toolCalls,
                           List<ToolResultEntry> toolResults, String feedback, boolean interrupted,
                           String originalMessage, String sourceMedium, java.util.Map<String, Double> turnMetrics) {
        this(role, message, timeInCallSecs, toolCalls, toolResults, feedback, interrupted, originalMessage, sourceMedium, turnMetrics, null);
    }

    public TranscriptEntry {
        turnMetrics = turnMetrics == null ? java.util.Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(turnMetrics));
        Objects.requireNonNull(role, "role");
        if (!role.equals("user") && !role.equals("agent")) throw new IllegalArgumentException("role is user or agent: " + role);
        toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
        toolResults = toolResults == null ? List.of() : List.copyOf(toolResults);
    }

    /** An entry without turn metrics. */
    public TranscriptEntry(String role, String message, int timeInCallSecs, List<ToolCallEntry> toolCalls,
                           List<ToolResultEntry> toolResults, String feedback, boolean interrupted, String originalMessage,
                           String sourceMedium) {
        this(role, message, timeInCallSecs, toolCalls, toolResults, feedback, interrupted, originalMessage, sourceMedium, null);
    }

    public static TranscriptEntry user(String message, int timeInCallSecs, String sourceMedium) {
        return new TranscriptEntry("user", message, timeInCallSecs, List.of(), List.of(), null, false, null, sourceMedium);
    }

    public static TranscriptEntry agent(String message, int timeInCallSecs) {
        return new TranscriptEntry("agent", message, timeInCallSecs, List.of(), List.of(), null, false, null, null);
    }

    public TranscriptEntry withFeedback(String score) {
        return new TranscriptEntry(role, message, timeInCallSecs, toolCalls, toolResults, score, interrupted, originalMessage, sourceMedium, turnMetrics, ragRetrieval);
    }

    public TranscriptEntry withTurnMetrics(java.util.Map<String, Double> metrics) {
        return new TranscriptEntry(role, message, timeInCallSecs, toolCalls, toolResults, feedback, interrupted, originalMessage, sourceMedium, metrics, ragRetrieval);
    }

    public TranscriptEntry withRagRetrieval(RagRetrieval retrieval) {
        return new TranscriptEntry(role, message, timeInCallSecs, toolCalls, toolResults, feedback, interrupted, originalMessage, sourceMedium, turnMetrics, retrieval);
    }
}
