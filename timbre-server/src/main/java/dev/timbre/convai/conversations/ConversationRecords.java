package dev.timbre.convai.conversations;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.timbre.agent.transcript.Analysis;
import java.util.List;
import java.util.Optional;

/**
 * Stored conversations as post-call work sees them; implemented by {@code ConversationsService}. Thread-safe: every
 * call reads or writes the database and returns when it is done.
 */
public interface ConversationRecords {
    /** The GET /v1/convai/conversations/{id} body (GetConversationResponseModel), or empty when unknown. */
    Optional<ObjectNode> details(String conversationId);

    /** Stores the analysis, sets call_successful and status done. */
    void saveAnalysis(String conversationId, Analysis analysis);

    /** Ids of ended conversations whose post-call work is not finished (status {@code processing}), oldest first. */
    List<String> processing();

    /** Post-call work failed for good: status failed with the reason in metadata.error. */
    void markFailed(String conversationId, String reason);
}
