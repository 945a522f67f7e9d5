package dev.timbre.convai.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.timbre.convai.tools.auth.AuthConnections;
import dev.timbre.http.Json;
import dev.timbre.outbound.OutboundException;
import dev.timbre.outbound.OutboundHttp;
import dev.timbre.outbound.OutboundRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's {@link WebhookTools}: one request per call through {@link OutboundHttp} (public addresses or the
 * operator's allow list; redirects re-checked), built by {@link WebhookRequest}. The whole call (connect, redirects,
 * headers, body) must finish within the tool's {@code response_timeout_secs} (default 20, bounded to 1–120 s). The
 * response body is read as UTF-8 text up to {@value #MAX_BODY_BYTES} bytes. Failures are {@code isError} results:
 * missing required parameters (nothing sent), a bad URL or missing secret, non-2xx (the status only; the body goes to
 * the log), and one message for everything else (refused address, unreachable, timeout: no network oracle). Only
 * http/https URLs. A tool with {@code api_schema.auth_connection} gets that connection's {@code Authorization}
 * header ({@link AuthConnections}; shown masked in the details); when the API answers 401 and the connection is
 * OAuth2, the token is fetched again and the call retried once, all within the same timeout. After a 2xx answer the
 * tool's {@code assignments} take dynamic variables from it ({@link ResponseAssignments}). Thread-safe; blocking
 * (the caller's thread waits).
 */
public final class HttpWebhookTools implements WebhookTools, AutoCloseable {
    static final int MAX_BODY_BYTES = 64 * 1024;
    static final int DEFAULT_TIMEOUT_SECS = 20;
    private static final Logger LOG = LoggerFactory.getLogger(HttpWebhookTools.class);
    private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade",
            "transfer-encoding", "te", "trailer", "keep-alive", "proxy-connection");

    private final Function<String, String> secretValue;
    private final OutboundHttp http;
    private final AuthConnections auth;

    /**
     * @param secretValue a workspace secret's value by id ({@code SecretsService::value}); throws when there is none
     * @param http the outbound client (owned by the caller)
     * @param auth the workspace's auth connections
     */
    public HttpWebhookTools(Function<String, String> secretValue, OutboundHttp http, AuthConnections auth) {
        this.secretValue = secretValue;
        this.http = http;
        this.auth = auth == null ? AuthConnections.NONE : auth;
    }

    /** Without auth connections. */
    public HttpWebhookTools(Function<String, String> secretValue, OutboundHttp http) {
        this(secretValue, http, AuthConnections.NONE);
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
        long deadline = start + timeout * 1_000_000_000L;
        String authId = toolConfig.path("api_schema").path("auth_connection").path("auth_connection_id").asText(null);
        Map<String, Object> details = authId == null ? request.details() : maskedAuth(request.details());
        OutboundHttp.Fetched r;
        try {
            r = http.fetch(outboundRequest(request, authHeaders(authId, deadline), deadline), MAX_BODY_BYTES);
            if (r.status() == 401 && authId != null && auth.refresh(authId)) {
                r = http.fetch(outboundRequest(request, authHeaders(authId, deadline), deadline), MAX_BODY_BYTES);
            }
        } catch (IllegalArgumentException e) {
            return failed("tool '" + name + "' was not called: " + e.getMessage(), details, seconds(start));
        } catch (OutboundException e) {
            return failed("tool '" + name + "' failed: " + OutboundException.MESSAGE + " or did not answer within " + timeout + " s",
                    details, seconds(start));
        }
        double latency = seconds(start);
        String text = new String(r.body(), StandardCharsets.UTF_8) + (r.truncated() ? "… [truncated at 64 KiB]" : "");
        if (r.status() / 100 == 2) {
            Map<String, Object> assigned = r.truncated() ? Map.of() : ResponseAssignments.extract(toolConfig.path("assignments"), text);
            return new WebhookToolResult(text, false, details, latency, assigned);
        }
        LOG.info("webhook tool '{}' {} {} answered HTTP {}: {}", name, request.method(), request.url(), r.status(),
                text.length() > 500 ? text.substring(0, 500) + "…" : text);
        return failed("tool '" + name + "' failed: the tool's server answered HTTP " + r.status(), details, latency);
    }

    static int timeoutSecs(JsonNode toolConfig) {
        JsonNode t = toolConfig.path("response_timeout_secs");
        return t.isNumber() ? Math.max(1, Math.min(120, t.asInt())) : DEFAULT_TIMEOUT_SECS;
    }

    /** The auth connection's headers (none without one), a token fetch bounded by what is left until {@code deadline}. */
    private Map<String, String> authHeaders(String authId, long deadline) {
        return authId == null ? Map.of() : auth.headers(authId, left(deadline));
    }

    private static Map<String, Object> maskedAuth(Map<String, Object> details) {
        Map<String, Object> d = new LinkedHashMap<>(details);
        @SuppressWarnings("unchecked")
        Map<String, String> headers = new LinkedHashMap<>((Map<String, String>) details.getOrDefault("headers", Map.of()));
        headers.keySet().removeIf("authorization"::equalsIgnoreCase);
        headers.put("Authorization", RequestHeaders.MASK);
        d.put("headers", headers);
        return d;
    }

    private static Duration left(long deadlineNanos) {
        return Duration.ofNanos(Math.max(1_000_000L, deadlineNanos - System.nanoTime()));
    }

    private static OutboundRequest outboundRequest(WebhookRequest r, Map<String, String> authHeaders, long deadline) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Map.Entry<String, String> h : r.headers().entrySet()) {
            if (!RESTRICTED.contains(h.getKey().toLowerCase(Locale.ROOT))) headers.put(h.getKey(), h.getValue());
        }
        if (!authHeaders.isEmpty()) {
            headers.keySet().removeIf(k -> authHeaders.keySet().stream().anyMatch(k::equalsIgnoreCase));
            headers.putAll(authHeaders);
        }
        String contentType = null;
        if (r.body() != null) {
            contentType = headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase("content-type"))
                    .map(Map.Entry::getValue).findFirst().orElse(r.contentType());
            headers.keySet().removeIf("content-type"::equalsIgnoreCase);
        }
        return new OutboundRequest(r.method(), r.uri(), headers, r.body() == null ? null : r.body().getBytes(StandardCharsets.UTF_8),
                contentType, left(deadline));
    }

    private static WebhookToolResult failed(String message, Map<String, Object> details, double latency) {
        return new WebhookToolResult(message, true, details, latency);
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    /** Nothing of its own to close: the {@link OutboundHttp} belongs to the caller. */
    @Override
    public void close() {
    }
}
