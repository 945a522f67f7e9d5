package dev.timbre.convai.agenttesting;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timbre.http.Json;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** SQL for {@code agent_test_invocations} and {@code agent_test_runs} (V23; {@code attempts} V34). Thread-safe. */
final class TestRunRepository {
    private static final String SELECT_RUN = "SELECT test_run_id, invocation_id, position, test_id, agent_id, status, "
            + "agent_config_override, agent_responses, condition_result, last_updated_at_unix FROM agent_test_runs";

    private final Jdbi jdbi;

    TestRunRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** An invocation row. */
    record Invocation(String invocationId, String agentId, long createdAtUnix) {}

    /** In one transaction: the invocation and its (pending) runs. */
    void insert(Invocation invocation, List<StoredRun> runs) {
        jdbi.useTransaction(h -> {
            h.createUpdate("INSERT INTO agent_test_invocations (invocation_id, agent_id, created_at_unix) VALUES (:id, :agent, :created)")
                    .bind("id", invocation.invocationId()).bind("agent", invocation.agentId()).bind("created", invocation.createdAtUnix()).execute();
            for (StoredRun r : runs) insertRun(h, r);
        });
    }

    private static void insertRun(Handle h, StoredRun r) {
        h.createUpdate("INSERT INTO agent_test_runs (test_run_id, invocation_id, position, test_id, agent_id, status, agent_config_override, "
                        + "agent_responses, condition_result, last_updated_at_unix) VALUES (:id, :invocation, :position, :test, :agent, :status, "
                        + ":override, NULL, NULL, :updated)")
                .bind("id", r.testRunId()).bind("invocation", r.invocationId()).bind("position", r.position()).bind("test", r.testId())
                .bind("agent", r.agentId()).bind("status", r.status()).bind("override", json(r.agentConfigOverride()))
                .bind("updated", r.lastUpdatedAtUnix()).execute();
    }

    void deleteInvocation(String invocationId) {
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM agent_test_invocations WHERE invocation_id = :id").bind("id", invocationId).execute());
    }

    Optional<Invocation> invocation(String invocationId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT invocation_id, agent_id, created_at_unix FROM agent_test_invocations WHERE invocation_id = :id")
                .bind("id", invocationId).map((rs, ctx) -> new Invocation(rs.getString(1), rs.getString(2), rs.getLong(3))).findOne());
    }

    List<StoredRun> runs(String invocationId) {
        return jdbi.withHandle(h -> h.createQuery(SELECT_RUN + " WHERE invocation_id = :id ORDER BY position").bind("id", invocationId)
                .map((rs, ctx) -> run(rs)).list());
    }

    Optional<StoredRun> run(String testRunId) {
        return jdbi.withHandle(h -> h.createQuery(SELECT_RUN + " WHERE test_run_id = :id").bind("id", testRunId).map((rs, ctx) -> run(rs)).findOne());
    }

    /** Every pending run, oldest invocation first. */
    List<StoredRun> pending() {
        return jdbi.withHandle(h -> h.createQuery(SELECT_RUN + " WHERE status = :status ORDER BY last_updated_at_unix, invocation_id, position")
                .bind("status", StoredRun.PENDING).map((rs, ctx) -> run(rs)).list());
    }

    /** A finished run: {@code status} passed or failed, with what the agent said and the verdict; false if it is gone. */
    boolean finish(String testRunId, String status, JsonNode agentResponses, JsonNode conditionResult, long now) {
        return jdbi.withHandle(h -> h.createUpdate("UPDATE agent_test_runs SET status = :status, agent_responses = :responses, "
                        + "condition_result = :result, last_updated_at_unix = :now WHERE test_run_id = :id AND status = :pending")
                .bind("status", status).bind("responses", json(agentResponses)).bind("result", json(conditionResult)).bind("now", now)
                .bind("id", testRunId).bind("pending", StoredRun.PENDING).execute()) > 0;
    }

    /** Counts an attempt at a pending run; its attempts so far, or -1 when it is not pending (or gone). */
    int startAttempt(String testRunId) {
        return jdbi.inTransaction(h -> {
            int n = h.createUpdate("UPDATE agent_test_runs SET attempts = attempts + 1 WHERE test_run_id = :id AND status = :pending")
                    .bind("id", testRunId).bind("pending", StoredRun.PENDING).execute();
            if (n == 0) return -1;
            return h.createQuery("SELECT attempts FROM agent_test_runs WHERE test_run_id = :id").bind("id", testRunId).mapTo(Integer.class).one();
        });
    }

    /** How many runs are pending (waiting or running, on any node). */
    long countPending() {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM agent_test_runs WHERE status = :pending")
                .bind("pending", StoredRun.PENDING).mapTo(Long.class).one());
    }

    /** Puts finished runs back to pending with a new agent and override (resubmit); their attempts start again at 0. */
    void reset(List<String> testRunIds, String agentId, JsonNode override, long now) {
        jdbi.useTransaction(h -> {
            for (String id : testRunIds) {
                h.createUpdate("UPDATE agent_test_runs SET status = :pending, agent_id = :agent, agent_config_override = :override, "
                                + "agent_responses = NULL, condition_result = NULL, attempts = 0, last_updated_at_unix = :now WHERE test_run_id = :id")
                        .bind("pending", StoredRun.PENDING).bind("agent", agentId).bind("override", json(override)).bind("now", now)
                        .bind("id", id).execute();
            }
        });
    }

    private static String json(JsonNode n) {
        return n == null || n.isNull() ? null : Json.write(n);
    }

    private static JsonNode node(String s) throws SQLException {
        if (s == null) return null;
        try {
            return Json.MAPPER.readTree(s);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new SQLException("stored test run JSON is malformed", e);
        }
    }

    private static StoredRun run(ResultSet rs) throws SQLException {
        return new StoredRun(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4), rs.getString(5), rs.getString(6),
                node(rs.getString(7)), node(rs.getString(8)), node(rs.getString(9)), rs.getLong(10));
    }
}
