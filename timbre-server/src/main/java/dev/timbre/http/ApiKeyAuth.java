package dev.timbre.http;

import dev.timbre.workspace.ApiKeyRepository;
import io.javalin.http.Context;

/** Checks {@code xi-api-key} on every {@code /v1} and {@code /v2} request against the stored key hashes. */
public final class ApiKeyAuth {
    public static final String HEADER = "xi-api-key";
    private final ApiKeyRepository keys;

    public ApiKeyAuth(ApiKeyRepository keys) {
        this.keys = keys;
    }

    public void check(Context ctx) {
        if (ctx.method().name().equals("OPTIONS")) return;
        String key = ctx.header(HEADER);
        if (key == null || key.isBlank()) {
            throw ApiException.unauthorized("needs_authorization", "Neither authorization header nor xi-api-key received, please provide one.");
        }
        var found = keys.findByKey(key.trim());
        if (found.isEmpty()) throw ApiException.unauthorized("invalid_api_key", "Invalid API key");
        ctx.attribute("api_key_id", found.get().id());
    }
}
