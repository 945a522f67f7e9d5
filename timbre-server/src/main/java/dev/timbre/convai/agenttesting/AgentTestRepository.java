package dev.timbre.convai.agenttesting;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.timbre.http.Json;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** SQL for {@code agent_tests} (V23); lists are newest first. Thread-safe. */
final class AgentTestRepository {
    private static final String SELECT = "SELECT test_id, name, definition, created_at_unix, updated_at_unix, seq FROM agent_tests";

    private final Jdbi jdbi;

    AgentTestRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    void insert(StoredTest t) {
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO agent_tests (test_id, name, definition, created_at_unix, updated_at_unix) "
                + "VALUES (:id, :name, :definition, :created, :updated)").bind("id", t.testId()).bind("name", t.name())
                .bind("definition", Json.write(t.definition())).bind("created", t.createdAtUnix()).bind("updated", t.updatedAtUnix()).execute());
    }

    /** True when the row was there. */
    boolean update(String testId, String name, ObjectNode definition, long updatedAtUnix) {
        return jdbi.withHandle(h -> h.createUpdate("UPDATE agent_tests SET name = :name, definition = :definition, updated_at_unix = :updated "
                + "WHERE test_id = :id").bind("id", testId).bind("name", name).bind("definition", Json.write(definition))
                .bind("updated", updatedAtUnix).execute()) > 0;
    }

    Optional<StoredTest> find(String testId) {
        return jdbi.withHandle(h -> h.createQuery(SELECT + " WHERE test_id = :id").bind("id", testId).map((rs, ctx) -> test(rs)).findOne());
    }

    /** A page row: the test and its {@code seq} (the cursor). */
    record Row(StoredTest test, long seq) {}

    /**
     * Up to {@code limit} tests older than {@code beforeSeq} (null: from the newest) whose name contains {@code search}
     * (case-insensitive; null for all).
     */
    List<Row> page(Long beforeSeq, String search, int limit) {
        String sql = SELECT + " WHERE 1 = 1" + (beforeSeq != null ? " AND seq < :before" : "")
                + (search != null ? " AND LOWER(name) LIKE :pattern ESCAPE '!'" : "") + " ORDER BY seq DESC LIMIT :limit";
        return jdbi.withHandle(h -> {
            var q = h.createQuery(sql).bind("limit", limit);
            if (beforeSeq != null) q.bind("before", beforeSeq);
            if (search != null) {
                String escaped = search.toLowerCase(java.util.Locale.ROOT).replace("!", "!!").replace("%", "!%").replace("_", "!_");
                q.bind("pattern", "%" + escaped + "%");
            }
            return q.map((rs, ctx) -> new Row(test(rs), rs.getLong(6))).list();
        });
    }

    boolean delete(String testId) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM agent_tests WHERE test_id = :id").bind("id", testId).execute()) > 0;
    }

    private static StoredTest test(ResultSet rs) throws SQLException {
        try {
            return new StoredTest(rs.getString(1), rs.getString(2), (ObjectNode) Json.MAPPER.readTree(rs.getString(3)), rs.getLong(4), rs.getLong(5));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("stored agent test JSON is malformed", e);
        }
    }
}
