package dev.timbre.convai.conversations;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.timbre.agent.transcript.TranscriptEntry;
import dev.timbre.http.Json;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;

/** SQL for {@code conversations}. Each method is one statement; callers serialise read-modify-write sequences. */
public final class ConversationRepository {
    private static final String COLUMNS = "seq, conversation_id, agent_id, agent_name, user_id, status, start_time_unix, "
            + "call_duration_secs, message_count, call_successful, transcript, metadata, analysis, initiation_client_data, "
            + "transcript_summary, call_summary_title, feedback_likes, feedback_dislikes, feedback_score, text_only, "
            + "termination_reason, error_code, error_reason, created_at_unix, updated_at_unix, has_audio, has_user_audio, has_response_audio, phone_call, call_sid";

    private final Jdbi jdbi;
    /** The cluster node that holds the conversations this repository inserts; null when there is no cluster (tests). */
    private final String nodeId;

    public ConversationRepository(Jdbi jdbi) {
        this(jdbi, null);
    }

    public ConversationRepository(Jdbi jdbi, String nodeId) {
        this.nodeId = nodeId;
        this.jdbi = jdbi;
    }

    /** Where a listing continues: after the row with this start time and seq (in newest-first order). */
    public record After(long startTimeUnix, long seq) {}

    public void insert(StoredConversation c) {
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO conversations (" + COLUMNS.substring("seq, ".length()) + ", node_id) VALUES ("
                        + ":conversationId, :agentId, :agentName, :userId, :status, :startTimeUnix, :callDurationSecs, :messageCount, "
                        + ":callSuccessful, :transcript, :metadata, :analysis, :initiationClientData, :transcriptSummary, "
                        + ":callSummaryTitle, :likes, :dislikes, :feedbackScore, :textOnly, :terminationReason, :errorCode, "
                        + ":errorReason, :createdAtUnix, :updatedAtUnix, :hasAudio, :hasUserAudio, :hasResponseAudio, :phoneCall, :callSid, :nodeId)")
                .bindMethods(c)
                .bind("nodeId", nodeId)
                .bind("transcript", TranscriptJson.write(c.transcript()))
                .bind("metadata", c.metadata().toString())
                .bind("analysis", text(c.analysis()))
                .bind("initiationClientData", text(c.initiationClientData()))
                .bindMethods(c.audio())
                .bind("phoneCall", c.phoneCall() == null ? null : c.phoneCall().json().toString())
                .bind("callSid", c.phoneCall() == null ? null : c.phoneCall().callSid())
                .execute());
    }

    /**
     * Replaces every field that changes after insertion (status, duration, transcript, analysis, feedback, error…);
     * the identity, agent, user, start time and creation time stay. True when the row was there.
     */
    public boolean update(StoredConversation c) {
        return jdbi.withHandle(h -> h.createUpdate("UPDATE conversations SET status = :status, call_duration_secs = :callDurationSecs, "
                        + "message_count = :messageCount, call_successful = :callSuccessful, transcript = :transcript, "
                        + "metadata = :metadata, analysis = :analysis, transcript_summary = :transcriptSummary, "
                        + "call_summary_title = :callSummaryTitle, feedback_likes = :likes, feedback_dislikes = :dislikes, "
                        + "feedback_score = :feedbackScore, termination_reason = :terminationReason, error_code = :errorCode, "
                        + "error_reason = :errorReason, updated_at_unix = :updatedAtUnix WHERE conversation_id = :conversationId")
                .bindMethods(c)
                .bind("transcript", TranscriptJson.write(c.transcript()))
                .bind("metadata", c.metadata().toString())
                .bind("analysis", text(c.analysis()))
                .execute()) > 0;
    }

    public Optional<StoredConversation> find(String conversationId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM conversations WHERE conversation_id = :id")
                .bind("id", conversationId).map((rs, ctx) -> row(rs)).findOne());
    }

    /** Up to {@code limit} conversations matching {@code q}, newest first, after {@code after} (null: from the start). */
    public List<StoredConversation> list(ConversationQuery q, After after, int limit) {
        List<String> where = new ArrayList<>();
        if (q.agentId() != null) where.add("agent_id = :agentId");
        if (q.userId() != null) where.add("user_id = :userId");
        if (q.callSuccessful() != null) where.add("call_successful = :callSuccessful");
        if (q.startBeforeUnix() != null) where.add("start_time_unix < :before");
        if (q.startAfterUnix() != null) where.add("start_time_unix > :afterTime");
        if (after != null) where.add("(start_time_unix < :afterKey OR (start_time_unix = :afterKey AND seq < :afterSeq))");
        String sql = "SELECT " + COLUMNS + " FROM conversations" + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
                + " ORDER BY start_time_unix DESC, seq DESC LIMIT :limit";
        return jdbi.withHandle(h -> {
            Query query = h.createQuery(sql).bind("limit", limit);
            if (q.agentId() != null) query.bind("agentId", q.agentId());
            if (q.userId() != null) query.bind("userId", q.userId());
            if (q.callSuccessful() != null) query.bind("callSuccessful", q.callSuccessful());
            if (q.startBeforeUnix() != null) query.bind("before", q.startBeforeUnix());
            if (q.startAfterUnix() != null) query.bind("afterTime", q.startAfterUnix());
            if (after != null) query.bind("afterKey", after.startTimeUnix()).bind("afterSeq", after.seq());
            return query.map((rs, ctx) -> row(rs)).list();
        });
    }

    /** The conversation of the phone call whose {@code call_sid} (Twilio call SID or SIP Call-ID) this is; the newest if several. */
    public Optional<String> idByCallSid(String callSid) {
        return jdbi.withHandle(h -> h.createQuery("SELECT conversation_id FROM conversations WHERE call_sid = :sid ORDER BY seq DESC LIMIT 1")
                .bind("sid", callSid).mapTo(String.class).findOne());
    }

    /** Sets the recording flags (the recording is stored); true when the row was there. */
    public boolean saveAudio(String conversationId, AudioFlags audio) {
        return jdbi.withHandle(h -> h.createUpdate("UPDATE conversations SET has_audio = :hasAudio, has_user_audio = :hasUserAudio, "
                        + "has_response_audio = :hasResponseAudio WHERE conversation_id = :id")
                .bindMethods(audio).bind("id", conversationId).execute()) > 0;
    }

    /** Ids of the conversations whose status is one of {@code statuses}, oldest first. */
    /**
     * Conversations still {@code initiated} or {@code in-progress} whose node is gone: no node, a node with no beat
     * since {@code silentSinceMs} (or no row), or — when {@code self} is not null — this node's own previous run.
     */
    public List<String> orphaned(String self, long silentSinceMs) {
        return jdbi.withHandle(h -> h.createQuery("SELECT conversation_id FROM conversations WHERE status IN ('initiated', 'in-progress') "
                        + "AND (node_id IS NULL OR node_id = :self OR node_id NOT IN "
                        + "(SELECT node_id FROM cluster_nodes WHERE heartbeat_ms >= :since)) ORDER BY seq")
                .bind("self", self == null ? "" : self).bind("since", silentSinceMs).mapTo(String.class).list());
    }

    /** How many conversations of {@code nodeId} are still {@code initiated} or {@code in-progress}. */
    public int liveOn(String nodeId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM conversations WHERE node_id = :node AND status IN ('initiated', 'in-progress')")
                .bind("node", nodeId).mapTo(Integer.class).one());
    }

    public List<String> idsWithStatus(List<String> statuses) {
        return jdbi.withHandle(h -> h.createQuery("SELECT conversation_id FROM conversations WHERE status IN (<statuses>) ORDER BY seq")
                .bindList("statuses", statuses).mapTo(String.class).list());
    }

    /** Conversations of {@code agentId} that started at or after {@code sinceUnix} (Unix seconds). */
    public int countStartedSince(String agentId, long sinceUnix) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM conversations WHERE agent_id = :agent AND start_time_unix >= :since")
                .bind("agent", agentId).bind("since", sinceUnix).mapTo(Integer.class).one());
    }

    /**
     * Finished ({@code done} or {@code failed}) conversations of {@code agentId} that started before {@code beforeUnix},
     * oldest first, at most {@code limit}; for the retention job.
     */
    public List<String> finishedIdsStartedBefore(String agentId, long beforeUnix, int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT conversation_id FROM conversations WHERE agent_id = :agent "
                        + "AND status IN ('done', 'failed') AND start_time_unix < :before ORDER BY seq LIMIT :limit")
                .bind("agent", agentId).bind("before", beforeUnix).bind("limit", limit).mapTo(String.class).list());
    }

    /** Finished conversations of {@code agentId} that still have a recording, oldest first, at most {@code limit}. */
    public List<String> finishedIdsWithAudio(String agentId, int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT conversation_id FROM conversations WHERE agent_id = :agent "
                        + "AND status IN ('done', 'failed') AND has_audio = TRUE ORDER BY seq LIMIT :limit")
                .bind("agent", agentId).bind("limit", limit).mapTo(String.class).list());
    }

    /** Deletes the row; true when it was there. */
    public boolean delete(String conversationId) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM conversations WHERE conversation_id = :id")
                .bind("id", conversationId).execute()) > 0;
    }

    private static StoredConversation row(ResultSet rs) throws SQLException {
        List<TranscriptEntry> transcript = TranscriptJson.read(rs.getString("transcript"));
        Integer errorCode = rs.getObject("error_code") == null ? null : rs.getInt("error_code");
        return new StoredConversation(rs.getString("conversation_id"), rs.getString("agent_id"), rs.getString("agent_name"),
                rs.getString("user_id"), rs.getString("status"), rs.getLong("start_time_unix"), rs.getInt("call_duration_secs"),
                rs.getInt("message_count"), rs.getString("call_successful"), transcript, (ObjectNode) json(rs.getString("metadata")),
                (ObjectNode) json(rs.getString("analysis")), json(rs.getString("initiation_client_data")),
                rs.getString("transcript_summary"), rs.getString("call_summary_title"), rs.getInt("feedback_likes"),
                rs.getInt("feedback_dislikes"), rs.getString("feedback_score"), rs.getBoolean("text_only"),
                rs.getString("termination_reason"), errorCode, rs.getString("error_reason"), rs.getLong("created_at_unix"),
                rs.getLong("updated_at_unix"), rs.getLong("seq"),
                new AudioFlags(rs.getBoolean("has_audio"), rs.getBoolean("has_user_audio"), rs.getBoolean("has_response_audio")),
                PhoneCallRecord.read(json(rs.getString("phone_call"))));
    }

    private static JsonNode json(String text) {
        if (text == null) return null;
        try {
            return Json.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored conversation JSON is malformed", e);
        }
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.toString();
    }
}
