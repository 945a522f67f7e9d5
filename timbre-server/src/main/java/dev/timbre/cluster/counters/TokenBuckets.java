package dev.timbre.cluster.counters;

import java.util.HashMap;
import java.util.Map;

/**
 * Token buckets in this process's memory, by key: a bucket holds at most {@code perMinute} tokens, refilled at
 * {@code perMinute} a minute. At most {@link #MAX_KEYS} buckets are kept: when the table is full, the buckets that
 * have refilled are forgotten (they are as if new), and if none has, the fullest one. Not thread-safe (its owner locks).
 */
final class TokenBuckets {
    static final int MAX_KEYS = 10_000;

    private final Map<String, Bucket> buckets = new HashMap<>();

    private static final class Bucket {
        double tokens;
        long at;
        int perMinute;
    }

    /** @param nowMs the time now, in ms (of any origin, never going back) */
    boolean tryTake(String key, int perMinute, long nowMs) {
        Bucket b = buckets.get(key);
        if (b == null) {
            if (buckets.size() >= MAX_KEYS) sweep(nowMs);
            b = new Bucket();
            b.tokens = perMinute;
            b.at = nowMs;
            buckets.put(key, b);
        }
        b.perMinute = perMinute;
        refill(b, nowMs);
        if (b.tokens < 1) return false;
        b.tokens -= 1;
        return true;
    }

    int size() { return buckets.size(); }

    private static void refill(Bucket b, long nowMs) {
        b.tokens = Math.min(b.perMinute, b.tokens + Math.max(0, nowMs - b.at) * b.perMinute / 60_000.0);
        b.at = nowMs;
    }

    private void sweep(long nowMs) {
        String fullest = null;
        double most = -1;
        var it = buckets.entrySet().iterator();
        while (it.hasNext()) {
            var e = it.next();
            refill(e.getValue(), nowMs);
            if (e.getValue().tokens >= e.getValue().perMinute) it.remove();
            else if (e.getValue().tokens > most) {
                most = e.getValue().tokens;
                fullest = e.getKey();
            }
        }
        if (buckets.size() >= MAX_KEYS && fullest != null) buckets.remove(fullest);
    }
}
