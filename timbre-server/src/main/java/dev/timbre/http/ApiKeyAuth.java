package dev.timbre.http;

import dev.timbre.access.Caller;
import dev.timbre.access.CallerLookup;
import dev.timbre.access.Permission;
import dev.timbre.access.RoutePermissions;
import io.javalin.http.Context;
import java.util.Optional;

/**
 * Checks {@code xi-api-key} (or, as OpenAI clients send it, {@code Authorization: Bearer <key>}) on every {@code /v1}
 * and {@code /v2} request: the key must be stored, enabled, and hold the permission {@link RoutePermissions} assigns
 * to the route (401 {@code missing_permissions} otherwise, as ElevenLabs answers). The request's {@link Caller} is
 * then available through {@link #caller(Context)}. WebSocket upgrades may carry the key in the header or the query
 * ({@code xi_api_key}, {@code authorization}); a socket opened without one must send it in its first message and
 * check it with {@link #authorize(String, Permission)}. The few routes an embedding web page calls without a key
 * ({@link #KEY_OPTIONAL}: the agent widget's configuration, overall feedback on a conversation) are checked like any
 * other when a key comes; without one the request goes on with no caller ({@link #hasCaller}) and the route itself
 * must decide (a public agent, its allowlist). Thread-safe.
 */
public final class ApiKeyAuth {
    public static final String HEADER = "xi-api-key";
    private static final String CALLER = "timbre.caller";
    private final CallerLookup keys;

    /**
     * {@code METHOD path-pattern} of the routes whose key is optional; each of their handlers checks
     * {@link #hasCaller} and allows a keyless request only for a public agent.
     */
    static final java.util.List<java.util.regex.Pattern> KEY_OPTIONAL = java.util.List.of(
            java.util.regex.Pattern.compile("GET /v1/convai/agents/[^/]+/widget"),
            java.util.regex.Pattern.compile("POST /v1/convai/conversations/[^/]+/feedback"));

    public ApiKeyAuth(CallerLookup keys) {
        this.keys = keys;
    }

    public void check(Context ctx) {
        if (ctx.method().name().equals("OPTIONS")) return;
        String key = ctx.header(HEADER);
        if (key == null || key.isBlank()) key = bearer(ctx.header("Authorization"));
        if ((key == null || key.isBlank()) && keyOptional(ctx.method().name(), ctx.path())) return;
        if (key == null || key.isBlank()) {
            throw ApiException.unauthorized("needs_authorization", "Neither authorization header nor xi-api-key received, please provide one.");
        }
        Caller caller = authorize(key, RoutePermissions.required(ctx.method().name(), ctx.path()));
        ctx.attribute(CALLER, caller);
    }

    /** Whether {@code METHOD path} is one of {@link #KEY_OPTIONAL}. */
    static boolean keyOptional(String method, String path) {
        String route = method + " " + path;
        return KEY_OPTIONAL.stream().anyMatch(p -> p.matcher(route).matches());
    }

    /** Whether {@link #check} accepted a key for this request (false for a keyless call of a {@link #KEY_OPTIONAL} route). */
    public static boolean hasCaller(Context ctx) {
        return ctx.attribute(CALLER) != null;
    }

    /** The caller {@link #check} accepted for this request; {@link Caller#INTERNAL} where no check ran. */
    public static Caller caller(Context ctx) {
        Caller c = ctx.attribute(CALLER);
        return c == null ? Caller.INTERNAL : c;
    }

    /** The caller of {@code key} if it is stored, enabled and holds {@code needed}; a 401 ElevenLabs error otherwise. */
    public Caller authorize(String key, Permission needed) {
        return authorize(key, Optional.of(needed));
    }

    private Caller authorize(String key, Optional<Permission> needed) {
        Caller c = key == null || key.isBlank() ? null : keys.find(key.trim()).orElse(null);
        if (c == null) throw ApiException.unauthorized("invalid_api_key", "Invalid API key");
        if (c.disabled()) throw ApiException.unauthorized("api_key_disabled", "This API key is disabled.");
        if (needed.isEmpty() && c.permissions() != null) {
            throw ApiException.unauthorized("missing_permissions", "The API key you used is missing the permission all to execute this operation.");
        }
        if (needed.isPresent() && !c.has(needed.get())) {
            throw ApiException.unauthorized("missing_permissions",
                    "The API key you used is missing the permission " + needed.get().wire() + " to execute this operation.");
        }
        return c;
    }

    /** Whether {@code key} would pass {@link #authorize(String, Permission)}. */
    public boolean allows(String key, Permission needed) {
        try {
            authorize(key, needed);
            return true;
        } catch (ApiException e) {
            return false;
        }
    }

    /** The key of an {@code Authorization: Bearer <key>} header; null for none or another scheme. */
    static String bearer(String authorization) {
        if (authorization == null) return null;
        String a = authorization.trim();
        return a.regionMatches(true, 0, "Bearer ", 0, 7) ? a.substring(7).trim() : null;
    }

    /**
     * Before a WebSocket upgrade: a key that is given must be valid and hold the socket's permission (401
     * otherwise); none at all is left to the socket.
     */
    public void checkUpgrade(Context ctx) {
        String key = upgradeKey(ctx.header(HEADER), ctx.queryParam("xi_api_key"), ctx.queryParam("authorization"));
        if (key != null) ctx.attribute(CALLER, authorize(key, RoutePermissions.required("WS", ctx.path())));
    }

    /** The key an upgrade carries: the header, else {@code xi_api_key}, else {@code authorization} less "Bearer "; or null. */
    public static String upgradeKey(String header, String xiApiKeyQuery, String authorizationQuery) {
        for (String v : new String[] {header, xiApiKeyQuery}) if (v != null && !v.isBlank()) return v.trim();
        if (authorizationQuery == null || authorizationQuery.isBlank()) return null;
        String a = authorizationQuery.trim();
        return a.regionMatches(true, 0, "Bearer ", 0, 7) ? a.substring(7).trim() : a;
    }
}
