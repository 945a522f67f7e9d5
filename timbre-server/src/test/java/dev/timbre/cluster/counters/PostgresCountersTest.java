package dev.timbre.cluster.counters;

/** {@link DatabaseCounters} on the PostgreSQL of {@code TestDatabases} (skipped when it is not reachable, unless CI). */
class PostgresCountersTest extends DatabaseCountersContract {
    @Override String kind() { return "postgresql"; }
}
