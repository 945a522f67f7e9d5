package dev.timbre.cluster.counters;

import dev.timbre.common.Ids;
import java.net.InetSocketAddress;
import java.net.Socket;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;

/**
 * The contract on the Redis at {@code TIMBRE_TEST_REDIS_URL} (default {@code redis://127.0.0.1:6379}), each test
 * under its own key prefix; skipped when nothing listens there (unless {@code CI=true}).
 */
class RedisCountersTest extends SharedCountersContract {
    static final String URL = System.getenv().getOrDefault("TIMBRE_TEST_REDIS_URL", "redis://127.0.0.1:6379");
    private final String prefix = "timbre-test:" + Ids.random(10) + ":";

    static void assumeRedis() {
        java.net.URI u = java.net.URI.create(URL);
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(u.getHost(), u.getPort() < 0 ? 6379 : u.getPort()), 1000);
        } catch (java.io.IOException e) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) throw new IllegalStateException("Redis is required when CI=true: " + URL, e);
            Assumptions.abort("Redis not reachable at " + URL);
        }
    }

    @BeforeEach
    void redis() { assumeRedis(); }

    @Override
    SharedCounters open(String nodeId) {
        return new RedisCounters(URL, prefix, clock);
    }
}
