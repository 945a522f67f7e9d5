package dev.timbre.serverstatus;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Whether the configured LLM servers can be reached: a TCP connect to each URL's host and port (80/443 by default),
 * nothing sent. All URLs are tried at once, each for at most {@code timeout}; the answers are kept for {@code keep}
 * so that callers of the status endpoint cannot make the server hammer them. The URLs come from the operator's
 * configuration, not from users. Thread-safe (one probe round at a time; callers meanwhile wait for it).
 */
final class ProviderProbe {
    /** One URL's answer: reachable with the connect time, or not with a reason. */
    record Result(boolean reachable, Long latencyMs, String error) {}

    private final Duration timeout;
    private final long keepNanos;
    private final LongSupplier nanoClock;
    private Map<String, Result> last = Map.of();
    private long lastAt;
    private boolean probed;

    ProviderProbe(Duration timeout, Duration keep, LongSupplier nanoClock) {
        this.timeout = timeout;
        this.keepNanos = keep.toNanos();
        this.nanoClock = nanoClock;
    }

    ProviderProbe() {
        this(Duration.ofSeconds(2), Duration.ofSeconds(30), System::nanoTime);
    }

    /** The answer for each of {@code urls} (base URLs as configured), probing them again when older than {@code keep}. */
    synchronized Map<String, Result> probe(List<String> urls) {
        long now = nanoClock.getAsLong();
        if (probed && now - lastAt < keepNanos && last.keySet().containsAll(urls)) return last;
        Map<String, CompletableFuture<Result>> running = new LinkedHashMap<>();
        for (String url : urls) {
            CompletableFuture<Result> f = new CompletableFuture<>();
            Thread t = new Thread(() -> f.complete(connect(url)), "llm-probe");
            t.setDaemon(true);
            t.start();
            running.put(url, f);
        }
        Map<String, Result> results = new LinkedHashMap<>();
        running.forEach((url, f) -> {
            try {
                results.put(url, f.get(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                results.put(url, new Result(false, null, "interrupted"));
            } catch (Exception e) {
                results.put(url, new Result(false, null, "no answer within " + timeout.toSeconds() + " s"));
            }
        });
        last = Map.copyOf(results);
        lastAt = now;
        probed = true;
        return last;
    }

    private Result connect(String url) {
        URI u;
        try {
            u = URI.create(url);
        } catch (IllegalArgumentException e) {
            return new Result(false, null, "not a URL");
        }
        if (u.getHost() == null) return new Result(false, null, "no host in the URL");
        int port = u.getPort() > 0 ? u.getPort() : "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
        long t0 = System.nanoTime();
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(u.getHost(), port), (int) timeout.toMillis());
            return new Result(true, (System.nanoTime() - t0) / 1_000_000, null);
        } catch (IOException e) {
            return new Result(false, null, e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
    }
}
