package dev.timbre.cluster.counters;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * {@link SharedCounters} in this process's memory: right for a single node (the default on H2 without Redis), wrong for
 * a cluster (each node would count alone). Leases never expire here (they die with the process). Counters are dropped
 * once their ttl is over; at most {@link TokenBuckets#MAX_KEYS} token buckets are kept. One lock.
 */
public final class MemoryCounters implements SharedCounters {
    private record Count(long value, long expiresMs) {}

    private final Clock clock;
    private final Map<String, Set<String>> leases = new HashMap<>();
    private final Map<String, Count> counts = new HashMap<>();
    private final TokenBuckets buckets = new TokenBuckets();

    public MemoryCounters(Clock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized boolean tryLease(String group, String leaseId, int max) {
        Set<String> held = leases.computeIfAbsent(group, g -> new HashSet<>());
        if (held.contains(leaseId)) return true;
        if (held.size() >= max) {
            if (held.isEmpty()) leases.remove(group);
            return false;
        }
        held.add(leaseId);
        return true;
    }

    @Override
    public synchronized void release(String group, String leaseId) {
        Set<String> held = leases.get(group);
        if (held != null && held.remove(leaseId) && held.isEmpty()) leases.remove(group);
    }

    @Override
    public synchronized int leases(String group) {
        return leases.getOrDefault(group, Set.of()).size();
    }

    @Override
    public synchronized boolean tryCount(String key, long max, Duration ttl, LongSupplier seed) {
        long now = clock.millis();
        Count c = live(key, now);
        if (c == null) {
            counts.values().removeIf(v -> v.expiresMs <= now); // a new key (a new day): forget the old ones
            c = new Count(seed.getAsLong(), now + ttl.toMillis());
        }
        counts.put(key, c);
        if (c.value >= max) return false;
        counts.put(key, new Count(c.value + 1, c.expiresMs));
        return true;
    }

    @Override
    public synchronized long count(String key, LongSupplier seed) {
        Count c = live(key, clock.millis());
        return c == null ? seed.getAsLong() : c.value;
    }

    @Override
    public synchronized boolean tryTake(String key, int perMinute) {
        return buckets.tryTake(key, perMinute, clock.millis());
    }

    /** Buckets kept now (at most {@link TokenBuckets#MAX_KEYS}). */
    synchronized int buckets() { return buckets.size(); }

    @Override
    public synchronized void refresh() {
        long now = clock.millis();
        counts.values().removeIf(v -> v.expiresMs <= now);
    }

    @Override
    public String kind() { return "memory"; }

    @Override
    public void close() {}

    private Count live(String key, long now) {
        Count c = counts.get(key);
        return c != null && c.expiresMs > now ? c : null;
    }
}
