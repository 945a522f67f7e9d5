package dev.timbre.config;

import java.util.Locale;
import java.util.Map;

/**
 * Where the cluster-wide conversation limits are counted ({@code cluster.counters}). YAML
 * {@code limits: {counters: {store, redis_url}}}; the environment wins: {@code TIMBRE_LIMITS_STORE},
 * {@code TIMBRE_REDIS_URL}.
 *
 * @param store {@code memory}, {@code database} or {@code redis}; null: {@code redis} when {@code redisUrl} is set,
 *              else {@code database} on PostgreSQL, else {@code memory} ({@link #resolve})
 * @param redisUrl e.g. {@code redis://127.0.0.1:6379} or {@code redis://:password@host:6379/0}; null for none
 */
public record CounterSettings(String store, String redisUrl) {
    public static final CounterSettings AUTO = new CounterSettings(null, null);

    public CounterSettings {
        store = blank(store) == null ? null : store.strip().toLowerCase(Locale.ROOT);
        redisUrl = blank(redisUrl);
        if (store != null && !store.equals("memory") && !store.equals("database") && !store.equals("redis")) {
            throw new IllegalArgumentException("limits.counters.store (TIMBRE_LIMITS_STORE) must be memory, database or redis, got: " + store);
        }
    }

    /** These settings with {@code TIMBRE_LIMITS_STORE} and {@code TIMBRE_REDIS_URL} applied over them. */
    public CounterSettings withEnv(Map<String, String> env) {
        return new CounterSettings(env.getOrDefault("TIMBRE_LIMITS_STORE", store), env.getOrDefault("TIMBRE_REDIS_URL", redisUrl));
    }

    /**
     * The store to use: {@link #store}, or the default for a database that is ({@code postgres}) or is not PostgreSQL.
     *
     * @throws IllegalArgumentException {@code redis} without a URL
     */
    public String resolve(boolean postgres) {
        if ("redis".equals(store) && redisUrl == null) {
            throw new IllegalArgumentException("the redis limits store needs TIMBRE_REDIS_URL or limits.counters.redis_url (e.g. redis://127.0.0.1:6379)");
        }
        return store != null ? store : redisUrl != null ? "redis" : postgres ? "database" : "memory";
    }

    @Override
    public String toString() { // no password in logs
        return "CounterSettings[store=" + store + ", redisUrl=" + (redisUrl == null ? null : redisUrl.replaceAll("//[^@/]*@", "//***@")) + "]";
    }

    private static String blank(String s) { return s == null || s.isBlank() ? null : s; }
}
