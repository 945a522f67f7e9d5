package dev.timbre.engines;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether each engine node is up: every {@code periodMillis} one daemon thread ({@code engine-node-health}) asks each
 * node's {@code GET /health/ready} (at most 2 s each, one after the other); 200 is healthy, anything else or no
 * answer is not. A node counts as healthy until its first check says otherwise. Changes are logged once. The URLs are
 * the operator's own configuration (not user input), so this is a plain client, not the outbound policy's.
 * Thread-safe; {@link #close()} stops the checks.
 */
final class EngineNodeHealth implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EngineNodeHealth.class);

    private final Map<String, Boolean> healthy = new ConcurrentHashMap<>();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "engine-node-health");
        t.setDaemon(true);
        return t;
    });

    /** @param bases each node's root URL ({@code http://gpu1:8080}) */
    EngineNodeHealth(List<String> bases, long periodMillis) {
        bases.forEach(b -> healthy.put(b, true));
        timer.scheduleWithFixedDelay(() -> bases.forEach(this::check), periodMillis, periodMillis, TimeUnit.MILLISECONDS);
    }

    boolean healthy(String base) {
        return healthy.getOrDefault(base, false);
    }

    private void check(String base) {
        boolean up;
        try {
            HttpRequest get = HttpRequest.newBuilder(URI.create(base + "/health/ready")).timeout(Duration.ofSeconds(2)).GET().build();
            up = client.send(get, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (Exception e) {
            up = false;
        }
        Boolean was = healthy.put(base, up);
        if (was == null || was != up) log.info("engine node {} is {}", base, up ? "healthy again" : "unhealthy: skipped until it answers");
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
