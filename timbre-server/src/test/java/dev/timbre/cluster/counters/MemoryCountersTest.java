package dev.timbre.cluster.counters;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MemoryCountersTest extends SharedCountersContract {
    private MemoryCounters shared;

    @Override
    SharedCounters open(String nodeId) {
        if (shared == null) shared = new MemoryCounters(clock);
        return shared;
    }

    @Override
    boolean leasesLapse() { return false; }

    @Test
    void theBucketTableStaysBounded() {
        MemoryCounters c = new MemoryCounters(clock);
        for (int i = 0; i < TokenBuckets.MAX_KEYS + 50; i++) assertThat(c.tryTake("address:10.0." + (i / 250) + "." + (i % 250), 2)).isTrue();
        assertThat(c.buckets()).isLessThanOrEqualTo(TokenBuckets.MAX_KEYS);
    }
}
