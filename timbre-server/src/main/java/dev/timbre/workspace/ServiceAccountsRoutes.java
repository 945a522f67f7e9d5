package dev.timbre.workspace;

import static io.javalin.apibuilder.ApiBuilder.delete;
import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.patch;
import static io.javalin.apibuilder.ApiBuilder.post;

import dev.timbre.http.ApiKeyAuth;
import dev.timbre.http.JsonBody;
import dev.timbre.http.Params;
import io.javalin.apibuilder.EndpointGroup;
import io.javalin.http.Context;
import java.util.Map;

/** {@code /v1/service-accounts}: the service accounts, and list/create/edit/delete of their API keys. */
public final class ServiceAccountsRoutes implements EndpointGroup {
    private final ServiceAccountsService service;

    public ServiceAccountsRoutes(ServiceAccountsService service) {
        this.service = service;
    }

    @Override
    public void addEndpoints() {
        get(ctx -> ctx.json(service.list()));
        get("/{service_account_user_id}/api-keys", ctx -> ctx.json(service.keys(account(ctx))));
        post("/{service_account_user_id}/api-keys", ctx -> {
            String account = account(ctx);
            ApiKeyChecks.Checked c = ApiKeyChecks.check(JsonBody.read(ctx, ApiKeyRequest.class), false);
            ctx.json(service.create(ApiKeyAuth.caller(ctx), account, c));
        });
        patch("/{service_account_user_id}/api-keys/{api_key_id}", ctx -> {
            String account = account(ctx);
            String key = key(ctx);
            ApiKeyChecks.Checked c = ApiKeyChecks.check(JsonBody.read(ctx, ApiKeyRequest.class), true);
            service.edit(ApiKeyAuth.caller(ctx), account, key, c);
            ctx.json(Map.of("status", "ok"));
        });
        delete("/{service_account_user_id}/api-keys/{api_key_id}", ctx -> {
            service.delete(account(ctx), key(ctx));
            ctx.json(Map.of("status", "ok"));
        });
    }

    private static String account(Context ctx) {
        return Params.id(ctx, "service_account_user_id", "service_account_not_found", "Service account");
    }

    private static String key(Context ctx) {
        return Params.id(ctx, "api_key_id", "api_key_not_found", "API key");
    }
}
