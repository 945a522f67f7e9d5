package dev.timbre.convai.conversations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.timbre.agent.transcript.TranscriptEntry;
import java.util.List;

/**
 * A {@code conversations} row. Times are Unix seconds.
 *
 * @param status {@code initiated}, {@code in-progress}, {@code processing}, {@code done} or {@code failed}
 * @param callSuccessful {@code success}, {@code failure} or {@code unknown}
 * @param metadata descriptive fields that have no column ({@code conversation_initiation_source},
 *        {@code conversation_initiation_source_version}, {@code authorization_method}, {@code main_language})
 * @param analysis the API's {@code ConversationHistoryAnalysisCommonModel}, or null before post-call analysis
 * @param initiationClientData the {@code conversation_initiation_client_data} as received, or null
 * @param feedbackScore the conversation's {@code overall_score} ({@code like}/{@code dislike}), or null
 * @param errorCode with {@code errorReason}: {@code metadata.error}; null when the call did not fail
 * @param seq insertion order, the tie-breaker of the list order (0 before insertion)
 * @param audio what the call recording holds ({@link AudioFlags#NONE} when there is none)
 * @param phoneCall {@code metadata.phone_call} of a phone call, else null
 */
public record StoredConversation(String conversationId, String agentId, String agentName, String userId, String status,
                                 long startTimeUnix, int callDurationSecs, int messageCount, String callSuccessful,
                                 List<TranscriptEntry> transcript, ObjectNode metadata, ObjectNode analysis,
                                 JsonNode initiationClientData, String transcriptSummary, String callSummaryTitle,
                                 int likes, int dislikes, String feedbackScore, boolean textOnly, String terminationReason,
                                 Integer errorCode, String errorReason, long createdAtUnix, long updatedAtUnix, long seq,
                                 AudioFlags audio, PhoneCallRecord phoneCall) {
    public StoredConversation {
        transcript = transcript == null ? List.of() : List.copyOf(transcript);
        terminationReason = terminationReason == null ? "" : terminationReason;
        audio = audio == null ? AudioFlags.NONE : audio;
    }

    /** A conversation that is not a phone call. */
    public StoredConversation(String conversationId, String agentId, String agentName, String userId, String status,
                              long startTimeUnix, int callDurationSecs, int messageCount, String callSuccessful,
                              List<TranscriptEntry> transcript, ObjectNode metadata, ObjectNode analysis,
                              JsonNode initiationClientData, String transcriptSummary, String callSummaryTitle,
                              int likes, int dislikes, String feedbackScore, boolean textOnly, String terminationReason,
                              Integer errorCode, String errorReason, long createdAtUnix, long updatedAtUnix, long seq,
                              AudioFlags audio) {
        this(conversationId, agentId, agentName, userId, status, startTimeUnix, callDurationSecs, messageCount, callSuccessful,
                transcript, metadata, analysis, initiationClientData, transcriptSummary, callSummaryTitle, likes, dislikes,
                feedbackScore, textOnly, terminationReason, errorCode, errorReason, createdAtUnix, updatedAtUnix, seq, audio, null);
    }

    /** A conversation without a recording that is not a phone call. */
    public StoredConversation(String conversationId, String agentId, String agentName, String userId, String status,
                              long startTimeUnix, int callDurationSecs, int messageCount, String callSuccessful,
                              List<TranscriptEntry> transcript, ObjectNode metadata, ObjectNode analysis,
                              JsonNode initiationClientData, String transcriptSummary, String callSummaryTitle,
                              int likes, int dislikes, String feedbackScore, boolean textOnly, String terminationReason,
                              Integer errorCode, String errorReason, long createdAtUnix, long updatedAtUnix, long seq) {
        this(conversationId, agentId, agentName, userId, status, startTimeUnix, callDurationSecs, messageCount, callSuccessful,
                transcript, metadata, analysis, initiationClientData, transcriptSummary, callSummaryTitle, likes, dislikes,
                feedbackScore, textOnly, terminationReason, errorCode, errorReason, createdAtUnix, updatedAtUnix, seq, AudioFlags.NONE, null);
    }
}
