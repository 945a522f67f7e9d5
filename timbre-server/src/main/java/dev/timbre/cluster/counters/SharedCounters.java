package dev.timbre.cluster.counters;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Counters that every node of a cluster sees alike, for limits that must hold across the cluster: leases (things held
 * now, e.g. an agent's live conversations), capped counts (e.g. an agent's conversations today) and token buckets
 * (e.g. connections per address per minute). Each operation is atomic across nodes. Implementations:
 * {@link MemoryCounters} (this process only), {@link DatabaseCounters} (the shared database, V32) and
 * {@link RedisCounters}; {@link CounterStores} picks one by configuration.
 *
 * <p>A lease lives until {@link #release}d; it is kept alive by {@link #refresh}, which its node calls at least every
 * {@link #LEASE_TTL}/3, so the leases of a node that died are gone {@link #LEASE_TTL} after its last refresh. Keys and
 * lease ids are short strings (at most 200 characters). Thread-safe. A failure to reach the store is an unchecked
 * exception from the call; the caller decides (admission refuses). The creator closes it.
 */
public interface SharedCounters extends AutoCloseable {
    /** How long a lease outlives its node's last {@link #refresh}. */
    Duration LEASE_TTL = Duration.ofSeconds(90);

    /** Takes lease {@code leaseId} in {@code group} if fewer than {@code max} live leases are held there; true when taken. */
    boolean tryLease(String group, String leaseId, int max);

    /** Gives a lease back (nothing when it is not held). */
    void release(String group, String leaseId);

    /** Live leases in {@code group}. */
    int leases(String group);

    /**
     * Adds one to counter {@code key} if it is below {@code max}; true when added. A counter that does not exist starts
     * at {@code seed} (asked for only then) and is forgotten {@code ttl} after it was made.
     */
    boolean tryCount(String key, long max, Duration ttl, LongSupplier seed);

    /** The value of counter {@code key}; {@code seed} when it does not exist (nothing is made). */
    long count(String key, LongSupplier seed);

    /**
     * Takes one token from bucket {@code key}, which holds at most {@code perMinute} tokens and refills at
     * {@code perMinute} a minute (a new bucket is full); true when taken.
     */
    boolean tryTake(String key, int perMinute);

    /** Keeps this node's leases alive and forgets what has expired. Called by the node's timer. */
    void refresh();

    /** {@code memory}, {@code database} or {@code redis}. */
    String kind();

    /** Gives back this node's leases where the store outlives the process, and frees connections. */
    @Override
    void close();
}
