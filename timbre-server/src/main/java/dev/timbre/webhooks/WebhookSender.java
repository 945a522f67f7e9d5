package dev.timbre.webhooks;

import dev.timbre.config.TimbreConfig;
import dev.timbre.tracing.Tracing;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Scope;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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
        String signature = signed(hook) ? WebhookSignature.of(hook.secret(), clock.instant().getEpochSecond(), body) : null;
        return exchange(hook, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8), signature, HttpClient.Version.HTTP_2);
    }

    /** A request body that can be read more than once; each {@link #open} starts from the beginning. */
    @FunctionalInterface
    public interface StreamedBody {
        InputStream open() throws IOException;
    }

    /**
     * One attempt with a body too large to hold as one string: read once for the signature, then streamed over
     * HTTP/1.1 with {@code Transfer-Encoding: chunked}. Same result as {@link #send(TimbreConfig.Webhook, String)}; a
     * body that cannot be read is a failure too.
     */
    public String send(TimbreConfig.Webhook hook, StreamedBody body) throws InterruptedException {
        String signature = null;
        if (signed(hook)) {
            try (InputStream in = body.open()) {
                signature = WebhookSignature.of(hook.secret(), clock.instant().getEpochSecond(), in);
            } catch (IOException e) {
                return "webhook body could not be read: " + e;
            }
        }
        HttpRequest.BodyPublisher publisher = HttpRequest.BodyPublishers.ofInputStream(() -> {
            try {
                return body.open();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return exchange(hook, publisher, signature, HttpClient.Version.HTTP_1_1);
    }

    private String exchange(TimbreConfig.Webhook hook, HttpRequest.BodyPublisher body, String signature, HttpClient.Version version)
            throws InterruptedException {
        Span span = Tracing.span("POST", SpanKind.CLIENT); // a client span carrying traceparent, when tracing is on
        try (Scope ignored = span.makeCurrent()) {
            HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(hook.url())).timeout(requestTimeout).version(version)
                    .header("Content-Type", "application/json").POST(body);
            if (signature != null) req.header(WebhookSignature.HEADER, signature);
            Tracing.inject(io.opentelemetry.context.Context.current(), req::header);
            int status = http.send(req.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            span.setAttribute("http.response.status_code", (long) status);
            return status / 100 == 2 ? null : "webhook answered HTTP " + status;
        } catch (java.net.http.HttpTimeoutException e) {
            return "webhook did not answer within " + requestTimeout.toSeconds() + " s";
        } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
            return "webhook delivery failed: " + e;
        } finally {
            span.end();
        }
    }

    private static boolean signed(TimbreConfig.Webhook hook) {
        return hook.secret() != null && !hook.secret().isEmpty();
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
