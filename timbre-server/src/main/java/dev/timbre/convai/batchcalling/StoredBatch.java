package dev.timbre.convai.batchcalling;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A row of {@code convai_batch_calls} (V25). {@code agentName} is read from the agent (null once it is deleted), never
 * stored; {@code concurrencyLimit} is the batch's {@code target_concurrency_limit} (null: the server's limit only);
 * {@code telephonyCallConfig} as submitted (null for none). Times in Unix seconds.
 */
public record StoredBatch(String batchId, String name, String agentId, String agentName, String phoneNumberId, String phoneProvider,
                          String status, long scheduledTimeUnix, long createdAtUnix, long lastUpdatedAtUnix, int retryCount,
                          Integer concurrencyLimit, ObjectNode telephonyCallConfig, long seq) {

    public static final String PENDING = "pending";
    public static final String IN_PROGRESS = "in_progress";
    public static final String COMPLETED = "completed";
    public static final String FAILED = "failed";
    public static final String CANCELLED = "cancelled";

    /** Still to run or running: the dispatcher dials its pending recipients once it is due. */
    public boolean active() {
        return status.equals(PENDING) || status.equals(IN_PROGRESS);
    }
}
