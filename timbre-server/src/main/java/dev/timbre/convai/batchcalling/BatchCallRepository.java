package dev.timbre.convai.batchcalling;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.timbre.http.Json;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * SQL for {@code convai_batch_calls} and {@code convai_batch_call_recipients} (V25; the claiming node, V33). Recipient state changes are
 * compare-and-set ({@code WHERE status = …}) so that a cancel and the dispatcher's claim never both win. Thread-safe.
 */
public final class BatchCallRepository {
    private static final String SELECT = "SELECT b.*, a.name AS agent_name FROM convai_batch_calls b LEFT JOIN agents a ON a.agent_id = b.agent_id";
    private static final String RECIPIENTS = "SELECT * FROM convai_batch_call_recipients";

    private final Jdbi jdbi;

    public BatchCallRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Inserts the batch and its recipients in one transaction. */
    public void insert(StoredBatch b, List<StoredRecipient> recipients) {
        jdbi.useTransaction(h -> {
            h.createUpdate("INSERT INTO convai_batch_calls (batch_id, name, agent_id, phone_number_id, phone_provider, status, "
                            + "scheduled_time_unix, created_at_unix, last_updated_at_unix, retry_count, concurrency_limit, telephony_call_config) "
                            + "VALUES (:id, :name, :agent, :number, :provider, :status, :scheduled, :created, :updated, :retries, :limit, :telephony)")
                    .bind("id", b.batchId()).bind("name", b.name()).bind("agent", b.agentId()).bind("number", b.phoneNumberId())
                    .bind("provider", b.phoneProvider()).bind("status", b.status()).bind("scheduled", b.scheduledTimeUnix())
                    .bind("created", b.createdAtUnix()).bind("updated", b.lastUpdatedAtUnix()).bind("retries", b.retryCount())
                    .bind("limit", b.concurrencyLimit())
                    .bind("telephony", b.telephonyCallConfig() == null ? null : b.telephonyCallConfig().toString()).execute();
            PreparedBatch batch = h.prepareBatch("INSERT INTO convai_batch_call_recipients (batch_id, recipient_id, position, phone_number, "
                    + "initiation, status, attempts, created_at_unix, updated_at_unix) VALUES (:batch, :id, :pos, :phone, :init, :status, 0, :created, :created)");
            for (StoredRecipient r : recipients) {
                batch.bind("batch", r.batchId()).bind("id", r.recipientId()).bind("pos", r.position()).bind("phone", r.phoneNumber())
                        .bind("init", r.initiation() == null ? null : r.initiation().toString()).bind("status", r.status())
                        .bind("created", r.createdAtUnix()).add();
            }
            batch.execute();
        });
    }

    public Optional<StoredBatch> find(String batchId) {
        return jdbi.withHandle(h -> h.createQuery(SELECT + " WHERE b.batch_id = :id").bind("id", batchId).map((rs, ctx) -> batch(rs)).findOne());
    }

    /** Newest first: up to {@code limit} batches older than {@code beforeSeq} (null: from the newest), of {@code agentId} when not null. */
    public List<StoredBatch> page(String agentId, Long beforeSeq, int limit) {
        String where = (agentId == null ? "" : " AND b.agent_id = :agent") + (beforeSeq == null ? "" : " AND b.seq < :before");
        return jdbi.withHandle(h -> {
            var q = h.createQuery(SELECT + " WHERE 1 = 1" + where + " ORDER BY b.seq DESC LIMIT :limit").bind("limit", limit);
            if (agentId != null) q.bind("agent", agentId);
            if (beforeSeq != null) q.bind("before", beforeSeq);
            return q.map((rs, ctx) -> batch(rs)).list();
        });
    }

    /** The batch's recipients in submitted order. */
    public List<StoredRecipient> recipients(String batchId) {
        return jdbi.withHandle(h -> h.createQuery(RECIPIENTS + " WHERE batch_id = :b ORDER BY position").bind("b", batchId)
                .map((rs, ctx) -> recipient(rs)).list());
    }

    /** How many recipients of each batch are in each status (batches without rows are absent). */
    public Map<String, Map<String, Integer>> statusCounts(List<String> batchIds) {
        Map<String, Map<String, Integer>> out = new HashMap<>();
        if (batchIds.isEmpty()) return out;
        jdbi.useHandle(h -> h.createQuery("SELECT batch_id, status, COUNT(*) AS n FROM convai_batch_call_recipients WHERE batch_id IN (<ids>) "
                        + "GROUP BY batch_id, status").bindList("ids", batchIds)
                .map((rs, ctx) -> { out.computeIfAbsent(rs.getString("batch_id"), k -> new HashMap<>()).put(rs.getString("status"), rs.getInt("n")); return 0; })
                .list());
        return out;
    }

    /** Active batches whose time has come and that have pending recipients, the earliest scheduled first. */
    public List<StoredBatch> due(long nowUnix) {
        return jdbi.withHandle(h -> h.createQuery(SELECT + " WHERE b.status IN ('pending', 'in_progress') AND b.scheduled_time_unix <= :now "
                        + "AND EXISTS (SELECT 1 FROM convai_batch_call_recipients r WHERE r.batch_id = b.batch_id AND r.status = 'pending') "
                        + "ORDER BY b.scheduled_time_unix, b.seq")
                .bind("now", nowUnix).map((rs, ctx) -> batch(rs)).list());
    }

    /** Batches still pending or in progress (for settling them at start-up). */
    public List<String> activeBatchIds() {
        return jdbi.withHandle(h -> h.createQuery("SELECT batch_id FROM convai_batch_calls WHERE status IN ('pending', 'in_progress')")
                .mapTo(String.class).list());
    }

    /** Up to {@code limit} pending recipients of the batch in submitted order. */
    public List<StoredRecipient> pending(String batchId, int limit) {
        return jdbi.withHandle(h -> h.createQuery(RECIPIENTS + " WHERE batch_id = :b AND status = 'pending' ORDER BY position LIMIT :limit")
                .bind("b", batchId).bind("limit", limit).map((rs, ctx) -> recipient(rs)).list());
    }

    /** Every recipient whose call may be live ({@code initiated} or {@code in_progress}). */
    public List<StoredRecipient> inFlight() {
        return jdbi.withHandle(h -> h.createQuery(RECIPIENTS + " WHERE status IN ('initiated', 'in_progress')").map((rs, ctx) -> recipient(rs)).list());
    }

    /**
     * Recipients whose call may be live ({@code initiated} or {@code in_progress}) on no live node: claimed before V33
     * (no node), by {@code self} (its previous run; null for none) or by a node without a beat since {@code silentSinceMs}.
     */
    public List<StoredRecipient> orphaned(String self, long silentSinceMs) {
        return jdbi.withHandle(h -> h.createQuery(RECIPIENTS + " WHERE status IN ('initiated', 'in_progress') AND (node_id IS NULL OR node_id = :self "
                        + "OR node_id NOT IN (SELECT node_id FROM cluster_nodes WHERE heartbeat_ms >= :since))")
                .bind("self", self == null ? "" : self).bind("since", silentSinceMs).map((rs, ctx) -> recipient(rs)).list());
    }

    /** How many recipients of the batch are {@code initiated} or {@code in_progress}, on any node. */
    public int inFlightCount(String batchId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM convai_batch_call_recipients WHERE batch_id = :b "
                + "AND status IN ('initiated', 'in_progress')").bind("b", batchId).mapTo(Integer.class).one());
    }

    /** The node that claimed the recipient's current call (null before V33 or never claimed). */
    public String claimedBy(String batchId, String recipientId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT node_id FROM convai_batch_call_recipients WHERE batch_id = :b AND recipient_id = :r")
                .bind("b", batchId).bind("r", recipientId).mapTo(String.class).findOne().orElse(null));
    }

    /**
     * pending → initiated by {@code nodeId} (counts an attempt, forgets the last call's outcome); false when it was no
     * longer pending (cancelled, or claimed by another node: the row's compare-and-set makes one claim win).
     */
    public boolean claim(String batchId, String recipientId, long nowUnix, String nodeId) {
        return update("UPDATE convai_batch_call_recipients SET status = 'initiated', attempts = attempts + 1, error = NULL, conversation_id = NULL, "
                + "call_id = NULL, node_id = :node, updated_at_unix = :now WHERE batch_id = :b AND recipient_id = :r AND status = 'pending'",
                batchId, recipientId, nowUnix, java.util.Collections.singletonMap("node", nodeId));
    }

    /** initiated → in_progress, linked to its conversation and the carrier's call id. */
    public boolean placed(String batchId, String recipientId, String conversationId, String callId, long nowUnix) {
        return update("UPDATE convai_batch_call_recipients SET status = 'in_progress', conversation_id = :conv, call_id = :call, "
                + "updated_at_unix = :now WHERE batch_id = :b AND recipient_id = :r AND status = 'initiated'", batchId, recipientId, nowUnix,
                nullable("conv", conversationId, "call", callId));
    }

    /** initiated or in_progress → {@code status} ({@code completed}, {@code failed}, {@code voicemail}) with {@code error} (null for none). */
    public boolean finish(String batchId, String recipientId, String status, String error, long nowUnix) {
        return update("UPDATE convai_batch_call_recipients SET status = :status, error = :error, updated_at_unix = :now "
                + "WHERE batch_id = :b AND recipient_id = :r AND status IN ('initiated', 'in_progress')", batchId, recipientId, nowUnix,
                nullable("status", status, "error", error == null ? null : error.length() > 2000 ? error.substring(0, 2000) : error));
    }

    /** Pending recipients → cancelled; returns how many. */
    public int cancelPending(String batchId, long nowUnix) {
        return jdbi.withHandle(h -> h.createUpdate("UPDATE convai_batch_call_recipients SET status = 'cancelled', updated_at_unix = :now "
                + "WHERE batch_id = :b AND status = 'pending'").bind("b", batchId).bind("now", nowUnix).execute());
    }

    /** Failed recipients → pending (their error kept until the next dial); returns how many. */
    public int retryFailed(String batchId, long nowUnix) {
        return jdbi.withHandle(h -> h.createUpdate("UPDATE convai_batch_call_recipients SET status = 'pending', updated_at_unix = :now "
                + "WHERE batch_id = :b AND status = 'failed'").bind("b", batchId).bind("now", nowUnix).execute());
    }

    /** Sets the batch's status where it is one of {@code from} (any when empty); false when it was not. */
    public boolean setStatus(String batchId, String status, long nowUnix, String... from) {
        String guard = from.length == 0 ? "" : " AND status IN (<from>)";
        return jdbi.withHandle(h -> {
            var u = h.createUpdate("UPDATE convai_batch_calls SET status = :status, last_updated_at_unix = :now WHERE batch_id = :b" + guard)
                    .bind("status", status).bind("now", nowUnix).bind("b", batchId);
            if (from.length > 0) u.bindList("from", List.of(from));
            return u.execute() > 0;
        });
    }

    /**
     * Ends an active batch with {@code status} unless one of its recipients is pending or live by then (checked in the
     * same statement, so that a retry that made recipients pending meanwhile wins); false when it did not end it.
     */
    public boolean end(String batchId, String status, long nowUnix) {
        return jdbi.withHandle(h -> h.createUpdate("UPDATE convai_batch_calls SET status = :status, last_updated_at_unix = :now "
                        + "WHERE batch_id = :b AND status IN ('pending', 'in_progress') AND NOT EXISTS (SELECT 1 FROM convai_batch_call_recipients r "
                        + "WHERE r.batch_id = :b AND r.status IN ('pending', 'initiated', 'in_progress'))")
                .bind("status", status).bind("now", nowUnix).bind("b", batchId).execute()) > 0;
    }

    /** Counts a retry: {@code retry_count + 1} and the new status. */
    public void retried(String batchId, String status, long nowUnix) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE convai_batch_calls SET status = :status, retry_count = retry_count + 1, "
                + "last_updated_at_unix = :now WHERE batch_id = :b").bind("status", status).bind("now", nowUnix).bind("b", batchId).execute());
    }

    /** Marks the batch as changed now (a recipient moved on). */
    public void touch(String batchId, long nowUnix) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE convai_batch_calls SET last_updated_at_unix = :now WHERE batch_id = :b")
                .bind("now", nowUnix).bind("b", batchId).execute());
    }

    private boolean update(String sql, String batchId, String recipientId, long nowUnix, Map<String, String> more) {
        return jdbi.withHandle(h -> {
            var u = h.createUpdate(sql).bind("b", batchId).bind("r", recipientId).bind("now", nowUnix);
            more.forEach(u::bind);
            return u.execute() > 0;
        });
    }

    private static Map<String, String> nullable(String k1, String v1, String k2, String v2) {
        Map<String, String> m = new HashMap<>();
        m.put(k1, v1);
        m.put(k2, v2);
        return m;
    }

    private static StoredBatch batch(ResultSet rs) throws SQLException {
        int limit = rs.getInt("concurrency_limit");
        Integer concurrency = rs.wasNull() ? null : limit;
        return new StoredBatch(rs.getString("batch_id"), rs.getString("name"), rs.getString("agent_id"), rs.getString("agent_name"),
                rs.getString("phone_number_id"), rs.getString("phone_provider"), rs.getString("status"), rs.getLong("scheduled_time_unix"),
                rs.getLong("created_at_unix"), rs.getLong("last_updated_at_unix"), rs.getInt("retry_count"), concurrency,
                (ObjectNode) json(rs.getString("telephony_call_config")), rs.getLong("seq"));
    }

    private static StoredRecipient recipient(ResultSet rs) throws SQLException {
        return new StoredRecipient(rs.getString("batch_id"), rs.getString("recipient_id"), rs.getInt("position"), rs.getString("phone_number"),
                json(rs.getString("initiation")), rs.getString("status"), rs.getString("conversation_id"), rs.getString("call_id"),
                rs.getString("error"), rs.getInt("attempts"), rs.getLong("created_at_unix"), rs.getLong("updated_at_unix"));
    }

    private static JsonNode json(String text) {
        if (text == null) return null;
        try {
            return Json.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON is malformed", e);
        }
    }
}
