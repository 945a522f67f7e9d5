package dev.timbre.webhooks;

import dev.timbre.config.TimbreConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;

/**
 * POSTs JSON bodies to a webhook, signed with {@link WebhookSignature} when the webhook has a secret (the timestamp is
 * the send time). Thread-safe; one instance may serve every caller. Blocks the calling thread for the request.
 */
public final class WebhookSender {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final Clock clock;
    private final Duration requestTimeout;

    /** @param requestTimeout how long one POST may take, answer included */
    public WebhookSender(Clock clock, Duration requestTimeout) {
        this.clock = clock;
        this.requestTimeout = requestTimeout;
    }

    public WebhookSender(Clock clock) {
        this(clock, Duration.ofSeconds(30));
    }

    /** One attempt. Returns null when the webhook answered 2xx, else what went wrong (status, timeout, refused…). */
    public String send(TimbreConfig.Webhook hook, String body) throws InterruptedException {
        try {
            HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(hook.url())).timeout(requestTimeout)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
            if (hook.secret() != null && !hook.secret().isEmpty()) {
                req.header(WebhookSignature.HEADER, WebhookSignature.of(hook.secret(), clock.instant().getEpochSecond(), body));
            }
            int status = http.send(req.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            return status / 100 == 2 ? null : "webhook answered HTTP " + status;
        } catch (java.net.http.HttpTimeoutException e) {
            return "webhook did not answer within " + requestTimeout.toSeconds() + " s";
        } catch (java.io.IOException | IllegalArgumentException e) {
            return "webhook delivery failed: " + e;
        }
    }

    /**
     * Up to {@code attempts} tries, pausing {@code firstPause}, then twice as long each time, between them (on this
     * thread). Returns null when delivered, else the last failure.
     */
    public String deliver(TimbreConfig.Webhook hook, String body, int attempts, Duration firstPause) throws InterruptedException {
        String failure = null;
        Duration pause = firstPause;
        for (int i = 0; i < attempts; i++) {
            if (i > 0) {
                Thread.sleep(pause.toMillis());
                pause = pause.multipliedBy(2);
            }
            failure = send(hook, body);
            if (failure == null) return null;
        }
        return failure;
    }
}
