package dev.timbre.convai.twilio;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.timbre.http.Json;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * SQL for {@code twilio_pending_calls} (V33): the Twilio outbound calls of every node of the cluster that are not yet
 * over. State changes are compare-and-set ({@code WHERE state …}), so that of a stream's end and a status callback
 * reaching two nodes only the first outcome is kept. Thread-safe.
 */
final class PendingCallRepository {
    static final String PLACED = "placed", STREAMING = "streaming", FINISHED = "finished";

    /** One row; {@code outcome} and {@code reason} are null until it is finished. */
    record Row(String conversationId, String callSid, String agentId, String phoneNumberId, JsonNode initiation, long placedMs,
               String nodeId, String state, String outcome, String reason) {
        boolean finished() { return state.equals(FINISHED); }
    }

    private final Jdbi jdbi;

    PendingCallRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * Inserts a {@code placed} row unless {@code max} calls are open already (counted in the same transaction; nodes
     * placing at the same instant may pass the bound by a few); false when there were too many.
     */
    boolean insert(String conversationId, String agentId, String phoneNumberId, JsonNode initiation, long placedMs, String nodeId, int max) {
        return jdbi.inTransaction(h -> {
            int open = h.createQuery("SELECT COUNT(*) FROM twilio_pending_calls WHERE state <> 'finished'").mapTo(Integer.class).one();
            if (open >= max) return false;
            h.createUpdate("INSERT INTO twilio_pending_calls (conversation_id, agent_id, phone_number_id, initiation, placed_ms, node_id, state) "
                            + "VALUES (:id, :agent, :number, :init, :placed, :node, 'placed')")
                    .bind("id", conversationId).bind("agent", agentId).bind("number", phoneNumberId).bind("init", initiation.toString())
                    .bind("placed", placedMs).bind("node", nodeId).execute();
            return true;
        });
    }

    boolean exists(String conversationId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM twilio_pending_calls WHERE conversation_id = :id")
                .bind("id", conversationId).mapTo(Integer.class).one()) > 0;
    }

    Optional<Row> find(String conversationId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM twilio_pending_calls WHERE conversation_id = :id")
                .bind("id", conversationId).map((rs, ctx) -> row(rs)).findOne());
    }

    void callSid(String conversationId, String callSid) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE twilio_pending_calls SET call_sid = :sid WHERE conversation_id = :id")
                .bind("sid", callSid).bind("id", conversationId).execute());
    }

    /** placed → streaming (the callee answered and its Media Stream started); false when it was not placed. */
    boolean streaming(String conversationId) {
        return jdbi.withHandle(h -> h.createUpdate("UPDATE twilio_pending_calls SET state = 'streaming' WHERE conversation_id = :id AND state = 'placed'")
                .bind("id", conversationId).execute()) > 0;
    }

    /** → finished with its outcome, once; false when it was finished already (or is unknown). */
    boolean finish(String conversationId, String outcome, String reason) {
        String r = reason == null ? null : reason.length() > 2000 ? reason.substring(0, 2000) : reason;
        return jdbi.withHandle(h -> h.createUpdate("UPDATE twilio_pending_calls SET state = 'finished', outcome = :outcome, reason = :reason "
                        + "WHERE conversation_id = :id AND state <> 'finished'")
                .bind("outcome", outcome).bind("reason", r).bind("id", conversationId).execute()) > 0;
    }

    /** Open calls placed before {@code beforeMs} → finished {@code failed} with {@code reason}; returns how many. */
    int failPlacedBefore(long beforeMs, String reason) {
        return jdbi.withHandle(h -> h.createUpdate("UPDATE twilio_pending_calls SET state = 'finished', outcome = 'failed', reason = :reason "
                + "WHERE state <> 'finished' AND placed_ms < :before").bind("reason", reason).bind("before", beforeMs).execute());
    }

    /** The finished calls that {@code nodeId} placed (their outcome waits to be noticed), at most {@code limit}. */
    List<Row> finishedOf(String nodeId, int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM twilio_pending_calls WHERE node_id = :node AND state = 'finished' "
                + "ORDER BY placed_ms LIMIT :limit").bind("node", nodeId).bind("limit", limit).map((rs, ctx) -> row(rs)).list());
    }

    void delete(String conversationId) {
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM twilio_pending_calls WHERE conversation_id = :id").bind("id", conversationId).execute());
    }

    /** Forgets finished rows placed before {@code beforeMs} (those of nodes gone before noticing them); returns how many. */
    int deleteFinishedBefore(long beforeMs) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM twilio_pending_calls WHERE state = 'finished' AND placed_ms < :before")
                .bind("before", beforeMs).execute());
    }

    private static Row row(ResultSet rs) throws SQLException {
        JsonNode init;
        try {
            init = Json.MAPPER.readTree(rs.getString("initiation"));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored initiation data is malformed", e);
        }
        return new Row(rs.getString("conversation_id"), rs.getString("call_sid"), rs.getString("agent_id"), rs.getString("phone_number_id"),
                init, rs.getLong("placed_ms"), rs.getString("node_id"), rs.getString("state"), rs.getString("outcome"), rs.getString("reason"));
    }
}
