package dev.timbre.convai.batchcalling;

import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.post;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timbre.http.JsonBody;
import dev.timbre.http.Params;
import io.javalin.apibuilder.EndpointGroup;
import io.javalin.http.Context;

/**
 * {@code /v1/convai/batch-calling}: {@code POST /submit}, {@code GET /workspace} ({@code limit} 1–100, default 100;
 * {@code last_doc}; {@code agent_id}), {@code GET /{batch_id}}, {@code POST /{batch_id}/cancel},
 * {@code POST /{batch_id}/retry}.
 */
public final class BatchCallingRoutes implements EndpointGroup {
    private final BatchCallsService service;

    public BatchCallingRoutes(BatchCallsService service) {
        this.service = service;
    }

    @Override
    public void addEndpoints() {
        post("/submit", ctx -> ctx.json(service.submit(JsonBody.read(ctx, JsonNode.class))));
        get("/workspace", ctx -> ctx.json(service.list(Params.queryInt(ctx, "limit", 100, 1, 100),
                Params.query(ctx, "last_doc").orElse(null), Params.query(ctx, "agent_id").orElse(null))));
        get("/{batch_id}", ctx -> ctx.json(service.get(id(ctx))));
        post("/{batch_id}/cancel", ctx -> ctx.json(service.cancel(id(ctx))));
        post("/{batch_id}/retry", ctx -> ctx.json(service.retry(id(ctx))));
    }

    private static String id(Context ctx) {
        return Params.id(ctx, "batch_id", "batch_call_not_found", "Batch call");
    }
}
