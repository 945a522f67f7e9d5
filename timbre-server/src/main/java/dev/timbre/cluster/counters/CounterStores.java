package dev.timbre.cluster.counters;

import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Picks the {@link SharedCounters} of this node from the environment: {@code TIMBRE_LIMITS_STORE} = {@code memory},
 * {@code database} or {@code redis}; {@code TIMBRE_REDIS_URL} (e.g. {@code redis://127.0.0.1:6379}) for Redis. Unset:
 * {@code redis} when a Redis URL is given, else {@code database} on PostgreSQL (the nodes of a cluster share it), else
 * {@code memory} (one node on H2).
 */
public final class CounterStores {
    private static final Logger LOG = LoggerFactory.getLogger(CounterStores.class);

    private CounterStores() {}

    /** The store {@code env} asks for; {@code postgres} whether the database is PostgreSQL. The caller closes it. */
    public static SharedCounters open(Map<String, String> env, Jdbi jdbi, boolean postgres, String nodeId, Clock clock) {
        String url = blank(env.get("TIMBRE_REDIS_URL"));
        String store = blank(env.get("TIMBRE_LIMITS_STORE"));
        String kind = store != null ? store.toLowerCase(Locale.ROOT) : url != null ? "redis" : postgres ? "database" : "memory";
        SharedCounters counters = switch (kind) {
            case "memory" -> new MemoryCounters(clock);
            case "database" -> new DatabaseCounters(jdbi, nodeId, clock);
            case "redis" -> {
                if (url == null) throw new IllegalArgumentException("TIMBRE_LIMITS_STORE=redis needs TIMBRE_REDIS_URL (e.g. redis://127.0.0.1:6379)");
                yield new RedisCounters(url, "timbre:limits:", clock);
            }
            default -> throw new IllegalArgumentException("TIMBRE_LIMITS_STORE must be memory, database or redis, got '" + store + "'");
        };
        LOG.info("conversation limits counted in: {}", counters.kind());
        return counters;
    }

    private static String blank(String s) { return s == null || s.isBlank() ? null : s.strip(); }
}
