package dev.timbre.cluster.counters;

import static org.assertj.core.api.Assertions.assertThat;

import dev.timbre.db.Database;
import dev.timbre.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The contract on the database; {@link #kind} picks H2 or PostgreSQL (skipped when it is not reachable). */
abstract class DatabaseCountersContract extends SharedCountersContract {
    private Database db;

    abstract String kind();

    @Override
    SharedCounters open(String nodeId) {
        if (db == null) db = TestDatabases.open(kind());
        return new DatabaseCounters(db.jdbi(), nodeId, clock);
    }

    @AfterEach
    void closeDatabase() {
        closeAll();
        if (db != null) db.close();
    }

    @Test
    void closingANodeGivesBackItsLeasesAndExpiredRowsAreSwept() {
        SharedCounters a = node("node_a"), b = node("node_b");
        a.tryLease("agent:x", "l1", 1);
        a.tryTake("address:x", 2);
        a.close();
        assertThat(b.tryLease("agent:x", "l2", 1)).isTrue();
        clock.advance(java.time.Duration.ofMinutes(10));
        b.release("agent:x", "l2");
        b.refresh();
        int rows = db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM limit_counters").mapTo(Integer.class).one());
        assertThat(rows).isZero();
    }
}
