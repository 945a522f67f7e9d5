package dev.timbre.convai.tools;

import dev.timbre.common.WorkerPools;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.timbre.http.Json;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * The server's {@link WebhookTools}: one JDK {@link HttpClient} request per call, built by {@link WebhookRequest}.
 * The whole call (connect, headers, body) must finish within the tool's {@code response_timeout_secs} (default 20,
 * bounded to 1–120 s). The response body is read as UTF-8 text up to {@value #MAX_BODY_BYTES} bytes. Failures are
 * {@code isError} results: missing required parameters (nothing sent), a bad URL or missing secret, non-2xx
 * (status and up to 500 characters of the body), a timeout, an unreachable host. Only http/https URLs.
 * Thread-safe; blocking (the caller's thread waits).
 */
public final class HttpWebhookTools implements WebhookTools, AutoCloseable {
    static final int MAX_BODY_BYTES = 64 * 1024;
    static final int DEFAULT_TIMEOUT_SECS = 20;
    private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade");

    private final Function<String, String> secretValue;
    private final ExecutorService readers = Executors.newCachedThreadPool(WorkerPools.daemon("webhook-tool"));
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NORMAL).executor(readers).build();

    /** @param secretValue a workspace secret's value by id ({@code SecretsService::value}); throws when there is none */
    public HttpWebhookTools(Function<String, String> secretValue) {
        this.secretValue = secretValue;
    }

    @Override
    public WebhookToolResult call(JsonNode config, String argumentsJson, Map<String, Object> dynamicVariables) {
        JsonNode toolConfig = config == null ? JsonNodeFactory.instance.objectNode() : config;
        Map<String, Object> vars = dynamicVariables == null ? Map.of() : dynamicVariables;
        String name = toolConfig.path("name").asText("webhook");
        JsonNode args;
        try {
            args = argumentsJson == null || argumentsJson.isBlank() ? JsonNodeFactory.instance.objectNode() : Json.MAPPER.readTree(argumentsJson);
        } catch (IOException e) {
            args = null;
        }
        if (args == null || !args.isObject()) return failed("the arguments for tool '" + name + "' are not a JSON object", Map.of(), 0);
        WebhookRequest request;
        try {
            request = WebhookRequest.build(toolConfig.path("api_schema"), args, vars, secretValue);
        } catch (IllegalArgumentException e) {
            JsonNode schema = toolConfig.path("api_schema");
            return failed("tool '" + name + "' was not called: " + e.getMessage(), Map.of("type", "webhook",
                    "method", schema.path("method").asText("GET"), "url", schema.path("url").asText("")), 0);
        }
        int timeout = timeoutSecs(toolConfig);
        long start = System.nanoTime();
        CompletableFuture<HttpResponse<InputStream>> sent = http.sendAsync(httpRequest(request, timeout), HttpResponse.BodyHandlers.ofInputStream());
        CompletableFuture<Reply> reply = sent.thenApplyAsync(HttpWebhookTools::read, readers);
        try {
            Reply r = reply.get(timeout, TimeUnit.SECONDS);
            double latency = seconds(start);
            if (r.status() / 100 == 2) return new WebhookToolResult(r.body(), false, request.details(), latency);
            String shortBody = r.body().length() > 500 ? r.body().substring(0, 500) + "…" : r.body();
            return failed("tool '" + name + "' failed: the server answered HTTP " + r.status()
                    + (shortBody.isBlank() ? "" : ": " + shortBody), request.details(), latency);
        } catch (TimeoutException e) {
            abandon(sent);
            return failed("tool '" + name + "' failed: the tool did not answer within " + timeout + " s", request.details(), seconds(start));
        } catch (InterruptedException e) {
            abandon(sent);
            Thread.currentThread().interrupt();
            return failed("tool '" + name + "' was interrupted", request.details(), seconds(start));
        } catch (ExecutionException e) {
            return failed("tool '" + name + "' failed: " + describe(e.getCause(), request, timeout), request.details(), seconds(start));
        }
    }

    /** Stops a call the caller no longer waits for: cancels the exchange, or closes a body still being read. */
    private static void abandon(CompletableFuture<HttpResponse<InputStream>> sent) {
        sent.cancel(true);
        if (sent.isDone() && !sent.isCompletedExceptionally()) {
            try {
                sent.join().body().close();
            } catch (IOException | RuntimeException ignored) {
                // already closed or failed: nothing left to stop
            }
        }
    }

    static int timeoutSecs(JsonNode toolConfig) {
        JsonNode t = toolConfig.path("response_timeout_secs");
        return t.isNumber() ? Math.max(1, Math.min(120, t.asInt())) : DEFAULT_TIMEOUT_SECS;
    }

    private HttpRequest httpRequest(WebhookRequest r, int timeoutSecs) {
        HttpRequest.Builder b = HttpRequest.newBuilder(r.uri()).timeout(Duration.ofSeconds(timeoutSecs))
                .method(r.method(), r.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(r.body(), StandardCharsets.UTF_8));
        for (Map.Entry<String, String> h : r.headers().entrySet()) {
            if (!RESTRICTED.contains(h.getKey().toLowerCase(java.util.Locale.ROOT))) b.header(h.getKey(), h.getValue());
        }
        if (r.contentType() != null && r.headers().keySet().stream().noneMatch("content-type"::equalsIgnoreCase)) {
            b.header("Content-Type", r.contentType());
        }
        return b.build();
    }

    private record Reply(int status, String body) {}

    /** Reads at most {@link #MAX_BODY_BYTES} of the body and closes it. */
    private static Reply read(HttpResponse<InputStream> response) {
        try (InputStream in = response.body()) {
            byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
            boolean truncated = bytes.length > MAX_BODY_BYTES;
            String text = new String(bytes, 0, Math.min(bytes.length, MAX_BODY_BYTES), StandardCharsets.UTF_8);
            return new Reply(response.statusCode(), truncated ? text + "… [truncated at 64 KiB]" : text);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String describe(Throwable cause, WebhookRequest r, int timeout) {
        Throwable c = cause instanceof java.util.concurrent.CompletionException && cause.getCause() != null ? cause.getCause() : cause;
        if (c instanceof HttpTimeoutException) return "the tool did not answer within " + timeout + " s";
        if (c instanceof ConnectException || c instanceof java.nio.channels.UnresolvedAddressException
                || c != null && c.getCause() instanceof java.nio.channels.UnresolvedAddressException) {
            return "the tool's server " + r.uri().getHost() + " could not be reached";
        }
        if (c instanceof java.io.UncheckedIOException || c instanceof IOException) return "the tool's answer broke off: " + c.getMessage();
        return "the request could not be sent: " + (c == null ? "unknown error" : c.getMessage());
    }

    private static WebhookToolResult failed(String message, Map<String, Object> details, double latency) {
        return new WebhookToolResult(message, true, details, latency);
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    @Override
    public void close() {
        readers.shutdownNow();
    }
}
