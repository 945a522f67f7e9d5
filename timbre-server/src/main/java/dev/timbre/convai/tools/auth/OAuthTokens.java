package dev.timbre.convai.tools.auth;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timbre.http.Json;
import dev.timbre.outbound.OutboundException;
import dev.timbre.outbound.OutboundHttp;
import dev.timbre.outbound.OutboundRequest;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * OAuth2 client-credentials tokens: fetched from the connection's {@code token_url} (POST, form-encoded
 * {@code grant_type=client_credentials}, {@code client_id}, {@code client_secret}, {@code scope} — the comma-separated
 * {@code scopes} joined by spaces — and {@code extra_params}) through the outbound policy, cached per connection until
 * {@value #EXPIRY_MARGIN_SECS} s before {@code expires_in} (default 3600 s), and fetched again after that, after
 * {@link #forget} or when the connection or its secret changed. The token response is read up to
 * {@value #MAX_TOKEN_RESPONSE_BYTES} bytes. Thread-safe: one fetch per connection at a time; at most
 * {@value #MAX_CACHED} cached tokens (the cache is emptied when it would grow past that).
 */
final class OAuthTokens {
    static final int MAX_TOKEN_RESPONSE_BYTES = 64 * 1024;
    static final int MAX_CACHED = 256;
    static final long EXPIRY_MARGIN_SECS = 30;
    static final long DEFAULT_EXPIRES_IN_SECS = 3600;

    /** A token: the {@code Authorization} value, when it stops being used, and what it was fetched for. */
    private record Token(String authorization, Instant refreshAt, int fingerprint) {}

    private final OutboundHttp http;
    private final Clock clock;
    private final Map<String, Token> cache = new ConcurrentHashMap<>();
    private final Map<String, Object> locks = new ConcurrentHashMap<>();

    OAuthTokens(OutboundHttp http, Clock clock) {
        this.http = http;
        this.clock = clock;
    }

    /**
     * The {@code Authorization} header value for {@code c} ({@code Bearer …}), cached or fetched now.
     *
     * @throws IllegalArgumentException with a message for the LLM when no token could be had
     */
    String authorization(AuthConnection c, String clientSecret, Duration timeout) {
        int fingerprint = (c.config().toString() + "\n" + clientSecret).hashCode();
        Token t = cache.get(c.id());
        if (fresh(t, fingerprint)) return t.authorization();
        Object lock = locks.computeIfAbsent(c.id(), k -> new Object());
        synchronized (lock) {
            t = cache.get(c.id());
            if (fresh(t, fingerprint)) return t.authorization();
            Token fetched = fetch(c, clientSecret, timeout, fingerprint);
            if (cache.size() >= MAX_CACHED) {
                cache.clear();
                locks.clear();
            }
            cache.put(c.id(), fetched);
            return fetched.authorization();
        }
    }

    /** Drops the cached token of connection {@code id} (the API answered 401): the next call fetches a new one. */
    void forget(String id) {
        cache.remove(id);
    }

    private boolean fresh(Token t, int fingerprint) {
        return t != null && t.fingerprint() == fingerprint && clock.instant().isBefore(t.refreshAt());
    }

    private Token fetch(AuthConnection c, String clientSecret, Duration timeout, int fingerprint) {
        StringBuilder form = new StringBuilder("grant_type=client_credentials");
        param(form, "client_id", c.text("client_id"));
        param(form, "client_secret", clientSecret);
        String scopes = c.text("scopes");
        if (scopes != null && !scopes.isBlank()) param(form, "scope", String.join(" ", scopes.strip().split("\\s*,\\s*")));
        c.config().path("extra_params").fields().forEachRemaining(e -> param(form, e.getKey(), e.getValue().asText()));
        URI uri;
        try {
            uri = URI.create(c.text("token_url"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the auth connection '" + c.id() + "' has an invalid token_url");
        }
        OutboundHttp.Fetched r;
        try {
            r = http.fetch(new OutboundRequest("POST", uri, Map.of("Accept", "application/json"),
                    form.toString().getBytes(StandardCharsets.UTF_8), "application/x-www-form-urlencoded", timeout), MAX_TOKEN_RESPONSE_BYTES);
        } catch (OutboundException e) {
            throw new IllegalArgumentException("the auth connection '" + c.id() + "' could not get a token: the token URL could not be reached");
        }
        if (r.status() / 100 != 2) {
            throw new IllegalArgumentException("the auth connection '" + c.id() + "' could not get a token: the token server answered HTTP " + r.status());
        }
        JsonNode body;
        try {
            body = r.truncated() ? null : Json.MAPPER.readTree(r.body());
        } catch (IOException e) {
            body = null;
        }
        if (body == null || !body.path("access_token").isTextual() || body.path("access_token").asText().isBlank()) {
            throw new IllegalArgumentException("the auth connection '" + c.id() + "' could not get a token: the token server's answer has no access_token");
        }
        String type = body.path("token_type").asText("Bearer");
        if (type.isBlank() || type.equalsIgnoreCase("bearer")) type = "Bearer";
        long expiresIn = body.path("expires_in").canConvertToLong() ? body.path("expires_in").asLong()
                : body.path("expires_in").isTextual() && body.path("expires_in").asText().matches("\\d{1,9}")
                ? Long.parseLong(body.path("expires_in").asText()) : DEFAULT_EXPIRES_IN_SECS;
        Instant refreshAt = clock.instant().plusSeconds(Math.max(0, expiresIn - EXPIRY_MARGIN_SECS));
        return new Token(type + " " + body.path("access_token").asText(), refreshAt, fingerprint);
    }

    private static void param(StringBuilder form, String name, String value) {
        if (value == null) return;
        form.append('&').append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
    }
}
