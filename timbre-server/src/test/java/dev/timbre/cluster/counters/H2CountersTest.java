package dev.timbre.cluster.counters;

/** {@link DatabaseCounters} on H2. */
class H2CountersTest extends DatabaseCountersContract {
    @Override String kind() { return "h2"; }
}
