package dev.timbre.cluster.counters;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What every {@link SharedCounters} does; subclasses give stores of two "nodes" on one backing store. */
abstract class SharedCountersContract {
    final MovableClock clock = new MovableClock(Instant.parse("2026-03-01T12:00:00Z"));
    private final List<SharedCounters> opened = new ArrayList<>();

    /** A store of node {@code nodeId} on the backing store of this test (the same for every call in one test). */
    abstract SharedCounters open(String nodeId);

    /** Whether a lease outlives a node that stops refreshing it (false in memory: the node is the process). */
    boolean leasesLapse() { return true; }

    SharedCounters node(String id) {
        SharedCounters c = open(id);
        opened.add(c);
        return c;
    }

    @AfterEach
    void closeAll() {
        opened.forEach(SharedCounters::close);
        opened.clear();
    }

    @Test
    void aLeaseGroupHoldsAtMostItsMaxAndAReleaseFreesAPlace() {
        SharedCounters a = node("node_a"), b = node("node_b");
        assertThat(a.tryLease("agent:x", "l1", 2)).isTrue();
        assertThat(b.tryLease("agent:x", "l2", 2)).isTrue();
        assertThat(a.tryLease("agent:x", "l3", 2)).isFalse();
        assertThat(b.tryLease("agent:y", "l4", 2)).isTrue(); // another group
        assertThat(a.leases("agent:x")).isEqualTo(2);
        a.release("agent:x", "l1");
        assertThat(b.leases("agent:x")).isEqualTo(1);
        assertThat(b.tryLease("agent:x", "l3", 2)).isTrue();
        a.release("agent:x", "never-held"); // nothing
        assertThat(a.leases("agent:nobody")).isZero();
    }

    @Test
    void aCappedCountStartsFromItsSeedOnceAndStopsAtItsMax() {
        SharedCounters a = node("node_a"), b = node("node_b");
        AtomicInteger seeded = new AtomicInteger();
        assertThat(a.count("day:x", () -> 7)).isEqualTo(7); // nothing made
        assertThat(a.tryCount("day:x", 3, Duration.ofDays(2), () -> { seeded.incrementAndGet(); return 1; })).isTrue();
        assertThat(b.tryCount("day:x", 3, Duration.ofDays(2), () -> { seeded.incrementAndGet(); return 1; })).isTrue();
        assertThat(a.tryCount("day:x", 3, Duration.ofDays(2), () -> { seeded.incrementAndGet(); return 1; })).isFalse();
        assertThat(b.count("day:x", () -> 0)).isEqualTo(3);
        assertThat(seeded).hasValue(1);
        assertThat(b.tryCount("day:y", 1, Duration.ofDays(2), () -> 5)).isFalse(); // seeded past its max
    }

    @Test
    void aBucketGivesItsAllowanceAndRefillsByTheMinute() {
        SharedCounters a = node("node_a"), b = node("node_b");
        assertThat(a.tryTake("address:203.0.113.7", 3)).isTrue();
        assertThat(b.tryTake("address:203.0.113.7", 3)).isTrue();
        assertThat(a.tryTake("address:203.0.113.7", 3)).isTrue();
        assertThat(b.tryTake("address:203.0.113.7", 3)).isFalse();
        assertThat(b.tryTake("address:203.0.113.8", 3)).isTrue();
        clock.advance(Duration.ofSeconds(20)); // a third of a minute: one more
        assertThat(a.tryTake("address:203.0.113.7", 3)).isTrue();
        assertThat(b.tryTake("address:203.0.113.7", 3)).isFalse();
        clock.advance(Duration.ofMinutes(5));
        for (int i = 0; i < 3; i++) assertThat(a.tryTake("address:203.0.113.7", 3)).isTrue(); // full, not more
        assertThat(a.tryTake("address:203.0.113.7", 3)).isFalse();
    }

    @Test
    void aDeadNodesLeasesLapseWhileALiveNodesAreKeptByItsRefresh() {
        if (!leasesLapse()) return;
        SharedCounters live = node("node_live"), dead = node("node_dead");
        assertThat(live.tryLease("agent:x", "mine", 2)).isTrue();
        assertThat(dead.tryLease("agent:x", "its", 2)).isTrue();
        for (int i = 0; i < 4; i++) { // two TTLs, refreshed every third of one by the live node only
            clock.advance(SharedCounters.LEASE_TTL.dividedBy(2));
            live.refresh();
        }
        assertThat(live.leases("agent:x")).isEqualTo(1);
        assertThat(live.tryLease("agent:x", "again", 2)).isTrue();
        assertThat(live.tryLease("agent:x", "more", 2)).isFalse();
    }

    @Test
    void racingNodesNeverTakeMoreThanTheMax() throws Exception {
        SharedCounters a = node("node_a"), b = node("node_b");
        var pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Boolean>> tries = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                SharedCounters n = i % 2 == 0 ? a : b;
                String id = "race" + i;
                tries.add(i % 4 < 2 ? () -> n.tryLease("agent:race", id, 5) : () -> n.tryCount("day:race", 5, Duration.ofDays(1), () -> 0));
            }
            int leases = 0, counts = 0, i = 0;
            for (Future<Boolean> f : pool.invokeAll(tries)) {
                if (f.get()) { if (i % 4 < 2) leases++; else counts++; }
                i++;
            }
            assertThat(leases).isEqualTo(5);
            assertThat(counts).isEqualTo(5);
            assertThat(a.leases("agent:race")).isEqualTo(5);
        } finally {
            pool.shutdownNow();
        }
    }
}
