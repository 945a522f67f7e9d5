package dev.timbre.convai.agents;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.timbre.http.Json;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;

/** SQL for {@code agents}. The configuration and tags are JSON text. */
public final class AgentRepository {
    private static final String COLUMNS = "seq, agent_id, name, tags, archived, created_at_unix, updated_at_unix, share_token, config";

    private final Jdbi jdbi;

    public AgentRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Where a listing continues: after the row with this sort value ({@code name} or created-at seconds) and seq. */
    public record After(String name, long createdAtUnix, long seq) {}

    public void insert(StoredAgent a) {
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO agents (agent_id, name, tags, archived, created_at_unix, updated_at_unix, "
                        + "share_token, config) VALUES (:agentId, :name, :tags, :archived, :createdAtUnix, :updatedAtUnix, :shareToken, :config)")
                .bind("agentId", a.agentId()).bind("name", a.name()).bind("tags", json(a.tags())).bind("archived", a.archived())
                .bind("createdAtUnix", a.createdAtUnix()).bind("updatedAtUnix", a.updatedAtUnix())
                .bind("shareToken", a.shareToken()).bind("config", a.config().toString())
                .execute());
    }

    /** Replaces name, tags, archived, updated time and configuration; true when the row was there. */
    public boolean update(StoredAgent a) {
        return jdbi.withHandle(h -> h.createUpdate("UPDATE agents SET name = :name, tags = :tags, archived = :archived, "
                        + "updated_at_unix = :updatedAtUnix, config = :config WHERE agent_id = :agentId")
                .bind("agentId", a.agentId()).bind("name", a.name()).bind("tags", json(a.tags())).bind("archived", a.archived())
                .bind("updatedAtUnix", a.updatedAtUnix()).bind("config", a.config().toString())
                .execute()) > 0;
    }

    public Optional<StoredAgent> find(String agentId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM agents WHERE agent_id = :id")
                .bind("id", agentId).map((rs, ctx) -> row(rs)).findOne());
    }

    /** Up to {@code limit} agents matching {@code q} in its order, after {@code after} (null: from the start). */
    public List<StoredAgent> list(AgentQuery q, After after, int limit) {
        boolean byName = "name".equals(q.sortBy());
        String dir = q.ascending() ? "ASC" : "DESC";
        String cmp = q.ascending() ? ">" : "<";
        List<String> where = new ArrayList<>();
        if (q.search() != null && !q.search().isEmpty()) where.add("LOWER(name) LIKE :pattern ESCAPE '!'");
        if (q.archived() != null) where.add("archived = :archived");
        if (after != null) {
            String key = byName ? "name" : "created_at_unix";
            where.add("(" + key + " " + cmp + " :afterKey OR (" + key + " = :afterKey AND seq " + cmp + " :afterSeq))");
        }
        String sql = "SELECT " + COLUMNS + " FROM agents" + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
                + " ORDER BY " + (byName ? "name" : "created_at_unix") + " " + dir + ", seq " + dir + " LIMIT :limit";
        return jdbi.withHandle(h -> {
            Query query = h.createQuery(sql).bind("limit", limit);
            if (q.search() != null && !q.search().isEmpty()) {
                query.bind("pattern", "%" + likeEscape(q.search().toLowerCase(Locale.ROOT)) + "%");
            }
            if (q.archived() != null) query.bind("archived", q.archived());
            if (after != null) {
                if (byName) query.bind("afterKey", after.name());
                else query.bind("afterKey", after.createdAtUnix());
                query.bind("afterSeq", after.seq());
            }
            return query.map((rs, ctx) -> row(rs)).list();
        });
    }

    /** Every agent whose configuration text mentions {@code needle} (a coarse SQL filter; callers check the JSON). */
    public List<StoredAgent> mentioning(String needle) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM agents WHERE config LIKE :pattern ESCAPE '!' ORDER BY created_at_unix, seq")
                .bind("pattern", "%" + likeEscape(needle) + "%").map((rs, ctx) -> row(rs)).list());
    }

    /** Deletes the row; true when it was there. */
    public boolean delete(String agentId) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM agents WHERE agent_id = :id").bind("id", agentId).execute()) > 0;
    }

    private static String likeEscape(String s) {
        return s.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    private static StoredAgent row(ResultSet rs) throws SQLException {
        try {
            List<String> tags = Json.MAPPER.readValue(rs.getString("tags"), new TypeReference<List<String>>() {});
            ObjectNode config = (ObjectNode) Json.MAPPER.readTree(rs.getString("config"));
            return new StoredAgent(rs.getString("agent_id"), rs.getString("name"), tags, rs.getBoolean("archived"),
                    rs.getLong("created_at_unix"), rs.getLong("updated_at_unix"), rs.getString("share_token"), config, rs.getLong("seq"));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored agent JSON is malformed", e);
        }
    }

    private static String json(List<String> tags) {
        try {
            return Json.MAPPER.writeValueAsString(tags);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
