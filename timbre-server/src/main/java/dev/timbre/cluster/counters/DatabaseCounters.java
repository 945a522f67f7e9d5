package dev.timbre.cluster.counters;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * {@link SharedCounters} in the shared database (V32 {@code limit_leases}, {@code limit_counters}; H2 or PostgreSQL).
 * A lease is taken under a row lock on its group's row in {@code limit_counters} ({@code SELECT … FOR UPDATE}), so two
 * nodes never both take the last place; capped counts and token buckets are one conditional {@code UPDATE} each. Rows
 * are made with an {@code INSERT} that may lose a race to another node (the duplicate is ignored). Leases carry this
 * node's id; {@link #refresh} pushes their expiry {@link #LEASE_TTL} ahead and deletes expired rows. Opening deletes
 * what this node's previous run left; {@link #close} deletes this node's leases. Thread-safe (one connection per call).
 */
public final class DatabaseCounters implements SharedCounters {
    private static final String UNIQUE_VIOLATION = "23505";

    private final Jdbi jdbi;
    private final String nodeId;
    private final Clock clock;
    private final Map<String, String> held = new ConcurrentHashMap<>(); // lease id → group, this node's live leases

    public DatabaseCounters(Jdbi jdbi, String nodeId, Clock clock) {
        this.jdbi = jdbi;
        this.nodeId = nodeId;
        this.clock = clock;
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM limit_leases WHERE node_id = :node").bind("node", nodeId).execute());
    }

    @Override
    public boolean tryLease(String group, String leaseId, int max) {
        String lock = "lease:" + group;
        long now = clock.millis();
        long expires = now + LEASE_TTL.toMillis();
        for (int attempt = 0; attempt < 3; attempt++) {
            if (attempt > 0) create(lock, 0, now, expires); // the group's first lease (or its row was swept)
            Boolean taken = jdbi.inTransaction(h -> {
                if (h.createQuery("SELECT amount FROM limit_counters WHERE counter_key = :k FOR UPDATE")
                        .bind("k", lock).mapTo(Double.class).findOne().isEmpty()) return null; // no row yet
                h.createUpdate("UPDATE limit_counters SET expires_ms = :exp WHERE counter_key = :k").bind("exp", 2 * expires - now)
                        .bind("k", lock).execute();
                h.createUpdate("DELETE FROM limit_leases WHERE lease_group = :g AND expires_ms <= :now")
                        .bind("g", group).bind("now", now).execute();
                if (liveLeases(h, group, now) >= max) return false;
                h.createUpdate("INSERT INTO limit_leases (lease_group, lease_id, node_id, expires_ms) VALUES (:g, :id, :node, :exp)")
                        .bind("g", group).bind("id", leaseId).bind("node", nodeId).bind("exp", expires).execute();
                return true;
            });
            if (taken != null) {
                if (taken) held.put(leaseId, group);
                return taken;
            }
        }
        throw new IllegalStateException("lease group " + group + " has no lock row even after making one");
    }

    @Override
    public void release(String group, String leaseId) {
        held.remove(leaseId); // not refreshed any more: it lapses even if the delete below fails
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM limit_leases WHERE lease_group = :g AND lease_id = :id")
                .bind("g", group).bind("id", leaseId).execute());
    }

    @Override
    public int leases(String group) {
        return jdbi.withHandle(h -> liveLeases(h, group, clock.millis()));
    }

    @Override
    public boolean tryCount(String key, long max, Duration ttl, LongSupplier seed) {
        for (int attempt = 0; attempt < 2; attempt++) {
            long now = clock.millis();
            int added = jdbi.withHandle(h -> h.createUpdate(
                    "UPDATE limit_counters SET amount = amount + 1, updated_ms = :now WHERE counter_key = :k AND amount < :max AND expires_ms > :now")
                    .bind("now", now).bind("k", key).bind("max", (double) max).execute());
            if (added == 1) return true;
            if (liveValue(key, now) != null) return false;
            jdbi.useHandle(h -> h.createUpdate("DELETE FROM limit_counters WHERE counter_key = :k AND expires_ms <= :now")
                    .bind("k", key).bind("now", now).execute());
            create(key, seed.getAsLong(), now, now + ttl.toMillis());
        }
        return false;
    }

    @Override
    public long count(String key, LongSupplier seed) {
        Double v = liveValue(key, clock.millis());
        return v == null ? seed.getAsLong() : v.longValue();
    }

    @Override
    public boolean tryTake(String key, int perMinute) {
        String k = "bucket:" + key;
        for (int attempt = 0; attempt < 2; attempt++) {
            long now = clock.millis();
            long expires = now + 120_000; // an untouched bucket is full again after a minute; forgotten after two
            int taken = jdbi.withHandle(h -> h.createUpdate("UPDATE limit_counters"
                            + " SET amount = LEAST(:cap, amount + GREATEST(0, :now - updated_ms) * :cap / :minute) - 1, updated_ms = :now, expires_ms = :exp"
                            + " WHERE counter_key = :k AND LEAST(:cap, amount + GREATEST(0, :now - updated_ms) * :cap / :minute) >= 1")
                    .bind("cap", (double) perMinute).bind("now", now).bind("minute", 60_000.0).bind("exp", expires).bind("k", k).execute());
            if (taken == 1) return true;
            if (liveValue(k, Long.MIN_VALUE) != null) return false; // a bucket is full again before it expires
            create(k, perMinute, now, expires);
        }
        return false;
    }

    @Override
    public void refresh() {
        long now = clock.millis();
        long expires = now + LEASE_TTL.toMillis();
        jdbi.useHandle(h -> {
            if (!held.isEmpty()) {
                var batch = h.prepareBatch("UPDATE limit_leases SET expires_ms = :exp WHERE lease_group = :g AND lease_id = :id");
                held.forEach((id, group) -> batch.bind("exp", expires).bind("g", group).bind("id", id).add());
                batch.execute();
            }
            h.createUpdate("DELETE FROM limit_leases WHERE expires_ms <= :now").bind("now", now).execute();
            h.createUpdate("DELETE FROM limit_counters WHERE expires_ms <= :now").bind("now", now).execute();
        });
    }

    @Override
    public String kind() { return "database"; }

    @Override
    public void close() {
        held.clear();
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM limit_leases WHERE node_id = :node").bind("node", nodeId).execute());
    }

    private static int liveLeases(Handle h, String group, long now) {
        return h.createQuery("SELECT COUNT(*) FROM limit_leases WHERE lease_group = :g AND expires_ms > :now")
                .bind("g", group).bind("now", now).mapTo(Integer.class).one();
    }

    private Double liveValue(String key, long now) {
        return jdbi.withHandle(h -> h.createQuery("SELECT amount FROM limit_counters WHERE counter_key = :k AND expires_ms > :now")
                .bind("k", key).bind("now", now).mapTo(Double.class).findOne().orElse(null));
    }

    /** Makes counter {@code key} unless another call (or node) already has. */
    private void create(String key, double amount, long now, long expires) {
        try {
            jdbi.useHandle(h -> h.createUpdate("INSERT INTO limit_counters (counter_key, amount, updated_ms, expires_ms)"
                            + " SELECT :k, :amount, :now, :exp WHERE NOT EXISTS (SELECT 1 FROM limit_counters WHERE counter_key = :k)")
                    .bind("k", key).bind("amount", amount).bind("now", now).bind("exp", expires).execute());
        } catch (UnableToExecuteStatementException e) {
            if (!(e.getCause() instanceof SQLException s && UNIQUE_VIOLATION.equals(s.getSQLState()))) throw e;
        }
    }
}
