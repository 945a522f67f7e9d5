package dev.timbre.cluster.counters;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import redis.clients.jedis.JedisPooled;

/**
 * {@link SharedCounters} in Redis ({@code TIMBRE_REDIS_URL}, e.g. {@code redis://127.0.0.1:6379}), each operation one
 * Lua script (atomic on the server). A lease group is a sorted set of lease ids scored by their expiry (epoch ms of
 * the node that wrote it), the set itself expiring {@link #LEASE_TTL} after its last write; a capped count is a string
 * with a TTL; a token bucket a hash {@code t} (tokens), {@code at} (ms) that expires two minutes after its last take.
 * So whatever a dead node held frees itself. Keys start with {@code prefix}. Thread-safe (a connection pool, Jedis).
 */
public final class RedisCounters implements SharedCounters {
    private static final String LEASE = """
            redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])
            if redis.call('ZSCORE', KEYS[1], ARGV[4]) or redis.call('ZCARD', KEYS[1]) < tonumber(ARGV[3]) then
              redis.call('ZADD', KEYS[1], ARGV[2], ARGV[4])
              redis.call('PEXPIRE', KEYS[1], ARGV[5])
              return 1
            end
            return 0""";
    private static final String REFRESH = """
            if redis.call('ZSCORE', KEYS[1], ARGV[2]) then
              redis.call('ZADD', KEYS[1], ARGV[1], ARGV[2])
              redis.call('PEXPIRE', KEYS[1], ARGV[3])
            end
            return 1""";
    private static final String COUNT = """
            local v = redis.call('GET', KEYS[1])
            if not v then
              if tonumber(ARGV[3]) < 0 then return -1 end
              v = ARGV[3]
              redis.call('SET', KEYS[1], v, 'PX', ARGV[2])
            end
            if tonumber(v) >= tonumber(ARGV[1]) then return 0 end
            redis.call('INCR', KEYS[1])
            return 1""";
    private static final String TAKE = """
            local b = redis.call('HMGET', KEYS[1], 't', 'at')
            local now = tonumber(ARGV[1])
            local cap = tonumber(ARGV[2])
            local tokens = tonumber(b[1]) or cap
            local at = tonumber(b[2]) or now
            tokens = math.min(cap, tokens + math.max(0, now - at) * cap / 60000)
            if tokens < 1 then return 0 end
            redis.call('HSET', KEYS[1], 't', tostring(tokens - 1), 'at', ARGV[1])
            redis.call('PEXPIRE', KEYS[1], ARGV[3])
            return 1""";

    private final JedisPooled redis;
    private final String prefix;
    private final Clock clock;
    private final Map<String, String> held = new ConcurrentHashMap<>(); // lease id → group, this node's live leases

    /** Connects to {@code url} (2 s timeouts) and checks that it answers. */
    public RedisCounters(String url, String prefix, Clock clock) {
        this.redis = new JedisPooled(URI.create(url), 2000);
        this.prefix = prefix;
        this.clock = clock;
        try {
            redis.ping();
        } catch (RuntimeException e) {
            redis.close();
            throw new IllegalStateException("Redis at " + url.replaceAll("//[^@/]*@", "//") + " does not answer: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean tryLease(String group, String leaseId, int max) {
        long now = clock.millis();
        boolean taken = run(LEASE, "lease:" + group, now, now + LEASE_TTL.toMillis(), max, leaseId, LEASE_TTL.toMillis()) == 1;
        if (taken) held.put(leaseId, group);
        return taken;
    }

    @Override
    public void release(String group, String leaseId) {
        held.remove(leaseId);
        redis.zrem(prefix + "lease:" + group, leaseId);
    }

    @Override
    public int leases(String group) {
        return (int) redis.zcount(prefix + "lease:" + group, "(" + clock.millis(), "+inf");
    }

    @Override
    public boolean tryCount(String key, long max, Duration ttl, LongSupplier seed) {
        long r = run(COUNT, "count:" + key, max, ttl.toMillis(), -1);
        if (r == -1) r = run(COUNT, "count:" + key, max, ttl.toMillis(), Math.max(0, seed.getAsLong()));
        return r == 1;
    }

    @Override
    public long count(String key, LongSupplier seed) {
        String v = redis.get(prefix + "count:" + key);
        return v == null ? seed.getAsLong() : Long.parseLong(v);
    }

    @Override
    public boolean tryTake(String key, int perMinute) {
        return run(TAKE, "bucket:" + key, clock.millis(), perMinute, 120_000) == 1;
    }

    @Override
    public void refresh() {
        long expires = clock.millis() + LEASE_TTL.toMillis();
        held.forEach((id, group) -> run(REFRESH, "lease:" + group, expires, id, LEASE_TTL.toMillis()));
    }

    @Override
    public String kind() { return "redis"; }

    @Override
    public void close() {
        try {
            held.forEach((id, group) -> redis.zrem(prefix + "lease:" + group, id));
            held.clear();
        } finally {
            redis.close();
        }
    }

    private long run(String script, String key, Object... args) {
        List<String> argv = java.util.Arrays.stream(args).map(String::valueOf).toList();
        return (Long) redis.eval(script, List.of(prefix + key), argv);
    }
}
