package dev.timbre.http;

import dev.timbre.workspace.ApiKeyRepository;
import io.javalin.http.Context;

/**
 * Checks {@code xi-api-key} (or, as OpenAI clients send it, {@code Authorization: Bearer <key>}) on every {@code /v1}
 * and {@code /v2} request against the stored key hashes. WebSocket
 * upgrades may carry the key in the header or the query ({@code xi_api_key}, {@code authorization}); a socket opened
 * without one must send it in its first message.
 */
public final class ApiKeyAuth {
    public static final String HEADER = "xi-api-key";
    private final ApiKeyRepository keys;

    public ApiKeyAuth(ApiKeyRepository keys) {
        this.keys = keys;
    }

    public void check(Context ctx) {
        if (ctx.method().name().equals("OPTIONS")) return;
        String key = ctx.header(HEADER);
        if (key == null || key.isBlank()) key = bearer(ctx.header("Authorization"));
        if (key == null || key.isBlank()) {
            throw ApiException.unauthorized("needs_authorization", "Neither authorization header nor xi-api-key received, please provide one.");
        }
        var found = keys.findByKey(key.trim());
        if (found.isEmpty()) throw ApiException.unauthorized("invalid_api_key", "Invalid API key");
        ctx.attribute("api_key_id", found.get().id());
    }

    /** The key of an {@code Authorization: Bearer <key>} header; null for none or another scheme. */
    static String bearer(String authorization) {
        if (authorization == null) return null;
        String a = authorization.trim();
        return a.regionMatches(true, 0, "Bearer ", 0, 7) ? a.substring(7).trim() : null;
    }

    /** Before a WebSocket upgrade: a key that is given must be valid (401 otherwise); none at all is left to the socket. */
    public void checkUpgrade(Context ctx) {
        String key = upgradeKey(ctx.header(HEADER), ctx.queryParam("xi_api_key"), ctx.queryParam("authorization"));
        if (key != null && !isValid(key)) throw ApiException.unauthorized("invalid_api_key", "Invalid API key");
    }

    /** The key an upgrade carries: the header, else {@code xi_api_key}, else {@code authorization} less "Bearer "; or null. */
    public static String upgradeKey(String header, String xiApiKeyQuery, String authorizationQuery) {
        for (String v : new String[] {header, xiApiKeyQuery}) if (v != null && !v.isBlank()) return v.trim();
        if (authorizationQuery == null || authorizationQuery.isBlank()) return null;
        String a = authorizationQuery.trim();
        return a.regionMatches(true, 0, "Bearer ", 0, 7) ? a.substring(7).trim() : a;
    }

    public boolean isValid(String key) {
        return key != null && !key.isBlank() && keys.findByKey(key.trim()).isPresent();
    }
}
