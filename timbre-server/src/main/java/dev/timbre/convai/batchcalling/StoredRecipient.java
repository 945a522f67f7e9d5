package dev.timbre.convai.batchcalling;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;

/**
 * A row of {@code convai_batch_call_recipients} (V25): one number of a batch, its call's state and the conversation
 * it is linked to. {@code initiation} is the recipient's {@code conversation_initiation_client_data} (null for none);
 * {@code error} why its last call failed; {@code attempts} how many dials were started. Times in Unix seconds.
 */
public record StoredRecipient(String batchId, String recipientId, int position, String phoneNumber, JsonNode initiation, String status,
                              String conversationId, String callId, String error, int attempts, long createdAtUnix, long updatedAtUnix) {

    public static final String PENDING = "pending";
    /** A dial was started (the carrier has not accepted it yet). */
    public static final String INITIATED = "initiated";
    /** The carrier accepted the call; it rings or talks. */
    public static final String IN_PROGRESS = "in_progress";
    public static final String COMPLETED = "completed";
    public static final String FAILED = "failed";
    public static final String CANCELLED = "cancelled";
    public static final String VOICEMAIL = "voicemail";

    /** States whose call may be live: after a restart these are failed, never left as they are. */
    public static final Set<String> IN_FLIGHT = Set.of(INITIATED, IN_PROGRESS);
    /** States of a call that is over. */
    public static final Set<String> FINISHED = Set.of(COMPLETED, FAILED, VOICEMAIL);
}
