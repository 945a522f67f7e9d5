package dev.timbre.convai.tools.auth;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timbre.outbound.OutboundHttp;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Turns a webhook tool's {@code api_schema.auth_connection} into request headers: {@code basic} →
 * {@code Authorization: Basic base64(username:password)}, {@code bearer} → {@code Authorization: Bearer token},
 * {@code oauth2_client_credentials} → {@code Authorization: Bearer <access token>} ({@link OAuthTokens}). Secrets are
 * read on every call (a rotated secret takes effect at once). Thread-safe; blocking (a token fetch waits up to the
 * given timeout).
 */
public final class AuthConnections {
    /** For servers and tests without auth connections: every reference is an unknown connection. */
    public static final AuthConnections NONE = new AuthConnections(() -> null, id -> null, null, Clock.systemUTC());

    private final Supplier<JsonNode> connections;
    private final Function<String, String> secretValue;
    private final OAuthTokens tokens;

    /**
     * @param connections the settings' {@code workspace_auth_connections} object, read per call (null or missing: none)
     * @param secretValue a workspace secret's value by id; may throw or return null when there is none
     * @param http the outbound client for token URLs (owned by the caller)
     */
    public AuthConnections(Supplier<JsonNode> connections, Function<String, String> secretValue, OutboundHttp http, Clock clock) {
        this.connections = connections;
        this.secretValue = secretValue;
        this.tokens = new OAuthTokens(http, clock);
    }

    /**
     * The headers connection {@code id} adds to a request.
     *
     * @param timeout how long a token fetch may take
     * @throws IllegalArgumentException with a message for the LLM: no such connection, a missing secret, no token
     */
    public Map<String, String> headers(String id, Duration timeout) {
        AuthConnection c = find(id);
        return switch (c.type()) {
            case AuthConnection.BASIC -> {
                String pair = c.text("username") + ":" + secret(c, "password");
                yield Map.of("Authorization", "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
            }
            case AuthConnection.BEARER -> Map.of("Authorization", "Bearer " + secret(c, "token"));
            case AuthConnection.OAUTH2_CLIENT_CREDENTIALS -> Map.of("Authorization", tokens.authorization(c, secret(c, "client_secret"), timeout));
            default -> throw new IllegalArgumentException("the auth connection '" + id + "' has an unsupported type '" + c.type() + "'");
        };
    }

    /**
     * The API refused the credentials of connection {@code id} (HTTP 401): forgets its cached token. True when a
     * retry may help (an OAuth2 connection gets a new token); false for fixed credentials.
     */
    public boolean refresh(String id) {
        JsonNode all = connections.get();
        JsonNode c = all == null ? null : all.get(id);
        if (c == null || !AuthConnection.OAUTH2_CLIENT_CREDENTIALS.equals(c.path("type").asText())) return false;
        tokens.forget(id);
        return true;
    }

    private AuthConnection find(String id) {
        JsonNode all = connections.get();
        JsonNode c = all == null || id == null ? null : all.get(id);
        if (c == null || !c.isObject()) throw new IllegalArgumentException("the auth connection '" + id + "' was not found");
        return new AuthConnection(id, c);
    }

    private String secret(AuthConnection c, String field) {
        String secretId = c.secretId(field);
        String value;
        try {
            value = secretId == null ? null : secretValue.apply(secretId);
        } catch (RuntimeException e) {
            value = null;
        }
        if (value == null) {
            throw new IllegalArgumentException("the secret '" + secretId + "' for the " + field + " of auth connection '" + c.id() + "' was not found");
        }
        return value;
    }
}
