package dev.timbre.cluster.counters;

import dev.timbre.config.CounterSettings;
import java.time.Clock;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the {@link SharedCounters} that {@link CounterSettings} ask for ({@code TIMBRE_LIMITS_STORE},
 * {@code TIMBRE_REDIS_URL}, YAML {@code limits.counters}): unset, {@code redis} when a Redis URL is given, else
 * {@code database} on PostgreSQL (the nodes of a cluster share it), else {@code memory} (one node on H2).
 */
public final class CounterStores {
    private static final Logger LOG = LoggerFactory.getLogger(CounterStores.class);
    private static final String REDIS_PREFIX = "timbre:limits:";

    private CounterStores() {}

    /** @param postgres whether the database is PostgreSQL; the caller closes what it gets */
    public static SharedCounters open(CounterSettings settings, Jdbi jdbi, boolean postgres, String nodeId, Clock clock) {
        SharedCounters counters = switch (settings.resolve(postgres)) {
            case "database" -> new DatabaseCounters(jdbi, nodeId, clock);
            case "redis" -> new RedisCounters(settings.redisUrl(), REDIS_PREFIX, clock);
            default -> new MemoryCounters(clock);
        };
        LOG.info("conversation limits counted in: {}", counters.kind());
        return counters;
    }
}
