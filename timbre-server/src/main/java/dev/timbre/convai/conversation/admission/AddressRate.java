package dev.timbre.convai.conversation.admission;

import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Connections per client address: a token bucket per address holding at most {@code perMinute} connections, refilled
 * at {@code perMinute} a minute. At most {@link #MAX_ADDRESSES} addresses are tracked: when the table is full, the
 * addresses whose buckets have refilled are forgotten (they are as if new), and if none has, the oldest-refilled one.
 * Thread-safe (one lock; each call is O(1) except the occasional sweep of a full table).
 */
public final class AddressRate {
    static final int MAX_ADDRESSES = 10_000;

    private final int perMinute;
    private final LongSupplier nanos;
    private final Map<String, Bucket> buckets = new HashMap<>();

    private static final class Bucket {
        double tokens;
        long at;
    }

    /** @param perMinute connections an address may open per minute (and at once); 0 or less: no limit */
    public AddressRate(int perMinute, LongSupplier nanos) {
        this.perMinute = perMinute;
        this.nanos = nanos;
    }

    /** Takes one connection for {@code address}; false when it has used its allowance. */
    public synchronized boolean tryAcquire(String address) {
        if (perMinute <= 0) return true;
        long now = nanos.getAsLong();
        Bucket b = buckets.get(address);
        if (b == null) {
            if (buckets.size() >= MAX_ADDRESSES) sweep(now);
            b = new Bucket();
            b.tokens = perMinute;
            b.at = now;
            buckets.put(address, b);
        }
        refill(b, now);
        if (b.tokens < 1) return false;
        b.tokens -= 1;
        return true;
    }

    /** Addresses tracked now (at most {@link #MAX_ADDRESSES}). */
    synchronized int size() {
        return buckets.size();
    }

    private void refill(Bucket b, long now) {
        b.tokens = Math.min(perMinute, b.tokens + (now - b.at) * perMinute / 60e9);
        b.at = now;
    }

    private void sweep(long now) {
        String fullest = null;
        double most = -1;
        var it = buckets.entrySet().iterator();
        while (it.hasNext()) {
            var e = it.next();
            refill(e.getValue(), now);
            if (e.getValue().tokens >= perMinute) it.remove();
            else if (e.getValue().tokens > most) {
                most = e.getValue().tokens;
                fullest = e.getKey();
            }
        }
        if (buckets.size() >= MAX_ADDRESSES && fullest != null) buckets.remove(fullest);
    }
}
