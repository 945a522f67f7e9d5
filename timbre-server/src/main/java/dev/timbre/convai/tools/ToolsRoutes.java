package dev.timbre.convai.tools;

import static io.javalin.apibuilder.ApiBuilder.delete;
import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.patch;
import static io.javalin.apibuilder.ApiBuilder.post;

import dev.timbre.http.JsonBody;
import dev.timbre.http.Params;
import io.javalin.apibuilder.EndpointGroup;
import io.javalin.http.Context;
import java.util.Map;

/** {@code /v1/convai/tools}: list, create, get, update, delete, dependent agents. */
public final class ToolsRoutes implements EndpointGroup {
    private final ToolsService service;

    public ToolsRoutes(ToolsService service) {
        this.service = service;
    }

    @Override
    public void addEndpoints() {
        get(ctx -> ctx.json(service.list()));
        post(ctx -> ctx.json(service.create(JsonBody.read(ctx, ToolRequest.class).toolConfig())));
        get("/{tool_id}", ctx -> ctx.json(service.get(id(ctx))));
        patch("/{tool_id}", ctx -> {
            String id = id(ctx);
            ctx.json(service.update(id, JsonBody.read(ctx, ToolRequest.class).toolConfig()));
        });
        delete("/{tool_id}", ctx -> {
            service.delete(id(ctx));
            ctx.json(Map.of());
        });
        get("/{tool_id}/dependent-agents", ctx -> ctx.json(service.dependentAgents(id(ctx),
                Params.query(ctx, "cursor").orElse(null),
                Params.queryInt(ctx, "page_size", 30, 1, ToolsService.MAX_PAGE_SIZE))));
    }

    private static String id(Context ctx) {
        return Params.id(ctx, "tool_id", "tool_not_found", "Tool");
    }
}
