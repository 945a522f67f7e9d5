package dev.timbre.convai.tools;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.timbre.http.Json;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * SQL for {@code convai_tools}, in creation order ({@code seq}), and the query on {@code agents} that finds the
 * agents referring to a tool.
 */
public final class ToolRepository {
    private static final String COLUMNS = "tool_id, name, tool_type, tool_config, created_at_unix, updated_at_unix";
    private static final String READ_COLUMNS = COLUMNS + ", total_calls, total_latency_secs";

    private final Jdbi jdbi;

    public ToolRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public void insert(StoredTool t) {
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO convai_tools (" + COLUMNS + ") VALUES (:toolId, :name, :type, :config, "
                        + ":createdAtUnix, :updatedAtUnix)")
                .bind("toolId", t.toolId()).bind("name", t.name()).bind("type", t.type()).bind("config", t.config().toString())
                .bind("createdAtUnix", t.createdAtUnix()).bind("updatedAtUnix", t.updatedAtUnix())
                .execute());
    }

    /** Replaces name, type and config; true when the row was there. */
    public boolean update(StoredTool t) {
        return jdbi.withHandle(h -> h.createUpdate("UPDATE convai_tools SET name = :name, tool_type = :type, tool_config = :config, "
                        + "updated_at_unix = :updatedAtUnix WHERE tool_id = :toolId")
                .bind("toolId", t.toolId()).bind("name", t.name()).bind("type", t.type()).bind("config", t.config().toString())
                .bind("updatedAtUnix", t.updatedAtUnix())
                .execute()) > 0;
    }

    public Optional<StoredTool> find(String id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + READ_COLUMNS + " FROM convai_tools WHERE tool_id = :id")
                .bind("id", id).map((rs, ctx) -> row(rs)).findOne());
    }

    public List<StoredTool> list() {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + READ_COLUMNS + " FROM convai_tools ORDER BY seq")
                .map((rs, ctx) -> row(rs)).list());
    }

    /**
     * Agents whose stored configuration mentions {@code "toolId"} (the quoted id anywhere in its JSON text), in
     * creation order after {@code afterSeq}: candidates for dependent agents, which check the exact path
     * ({@link AgentReference#usesTool}). Tool ids are {@code [A-Za-z0-9_-]}, so the LIKE pattern needs only {@code _}
     * escaped.
     */
    public List<AgentReference> agentsMentioning(String toolId, long afterSeq, int limit) {
        return new AgentMentions(jdbi).naming(toolId, afterSeq, limit);
    }

    /** Deletes the row; true when it was there. */
    /** Counts one call of the tool taking {@code latencySecs}; nothing when the tool is gone. */
    public void recordCall(String toolId, double latencySecs) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE convai_tools SET total_calls = total_calls + 1, "
                + "total_latency_secs = total_latency_secs + :secs WHERE tool_id = :id").bind("id", toolId).bind("secs", latencySecs).execute());
    }

    public boolean delete(String id) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM convai_tools WHERE tool_id = :id").bind("id", id).execute()) > 0;
    }

    private static StoredTool row(ResultSet rs) throws SQLException {
        ObjectNode config;
        try {
            config = (ObjectNode) Json.MAPPER.readTree(rs.getString("tool_config"));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored tool config is malformed", e);
        }
        return new StoredTool(rs.getString("tool_id"), rs.getString("name"), rs.getString("tool_type"), config,
                rs.getLong("created_at_unix"), rs.getLong("updated_at_unix"), usage(rs.getLong("total_calls"), rs.getDouble("total_latency_secs")));
    }

    /** Call count and average latency (0 when never called). */
    private static ToolResponse.UsageStats usage(long calls, double totalLatencySecs) {
        return new ToolResponse.UsageStats(calls, calls == 0 ? 0.0 : totalLatencySecs / calls);
    }
}
