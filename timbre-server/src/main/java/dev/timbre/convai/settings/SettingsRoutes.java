package dev.timbre.convai.settings;

import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.timbre.http.ApiException;
import dev.timbre.http.JsonBody;
import io.javalin.apibuilder.EndpointGroup;
import io.javalin.http.Context;

/** {@code /v1/convai/settings} and {@code /v1/convai/settings/dashboard}: GET and PATCH. */
public final class SettingsRoutes implements EndpointGroup {
    private final SettingsService service;

    public SettingsRoutes(SettingsService service) {
        this.service = service;
    }

    @Override
    public void addEndpoints() {
        get(ctx -> ctx.json(service.settings()));
        patch(ctx -> ctx.json(service.updateSettings(body(ctx))));
        get("/dashboard", ctx -> ctx.json(service.dashboard()));
        patch("/dashboard", ctx -> ctx.json(service.updateDashboard(body(ctx))));
    }

    /** A JSON object; an empty body is an empty patch (the seed's body is optional). */
    private static ObjectNode body(Context ctx) {
        if (ctx.body().isBlank()) return dev.timbre.http.Json.MAPPER.createObjectNode();
        JsonNode n = JsonBody.read(ctx, JsonNode.class);
        if (!n.isObject()) throw ApiException.invalid("Input should be a valid dictionary", "dict_type", "body");
        return (ObjectNode) n;
    }
}
