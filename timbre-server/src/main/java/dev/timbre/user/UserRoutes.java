package dev.timbre.user;

import static io.javalin.apibuilder.ApiBuilder.get;

import dev.timbre.http.ApiKeyAuth;
import io.javalin.apibuilder.EndpointGroup;

/** {@code /v1/user}: the account and its subscription. */
public final class UserRoutes implements EndpointGroup {
    private final UserService service;

    public UserRoutes(UserService service) {
        this.service = service;
    }

    @Override
    public void addEndpoints() {
        get(ctx -> {
            String key = ctx.header(ApiKeyAuth.HEADER);
            String preview = key == null || key.length() < 8 ? null : key.substring(0, 4) + "…";
            ctx.json(service.user(preview));
        });
        get("/subscription", ctx -> ctx.json(service.subscription()));
    }
}
