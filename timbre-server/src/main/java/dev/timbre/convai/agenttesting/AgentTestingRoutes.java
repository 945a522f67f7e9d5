package dev.timbre.convai.agenttesting;

import static io.javalin.apibuilder.ApiBuilder.delete;
import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.post;
import static io.javalin.apibuilder.ApiBuilder.put;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.timbre.convai.agents.AgentChecks;
import dev.timbre.http.ApiException;
import dev.timbre.http.Params;
import io.javalin.apibuilder.EndpointGroup;
import io.javalin.http.Context;
import java.util.Map;

/** {@code /v1/convai/agent-testing}: list, create, summaries by id, get, update, delete (E39–E44). */
public final class AgentTestingRoutes implements EndpointGroup {
    private final AgentTestsService service;

    AgentTestingRoutes(AgentTestsService service) {
        this.service = service;
    }

    @Override
    public void addEndpoints() {
        get(ctx -> ctx.json(service.list(Params.query(ctx, "cursor").orElse(null),
                Params.queryInt(ctx, "page_size", 30, 1, AgentTestsService.MAX_PAGE_SIZE), Params.query(ctx, "search").orElse(null))));
        post("/create", ctx -> ctx.json(service.create(AgentChecks.body(ctx, false))));
        post("/summaries", ctx -> {
            ObjectNode body = AgentChecks.body(ctx, false);
            JsonNode ids = body.get("test_ids");
            if (ids == null || ids.isNull()) throw ApiException.invalid("Field required", "missing", "body", "test_ids");
            if (!ids.isArray()) throw ApiException.invalid("Input should be a valid list", "list_type", "body", "test_ids");
            ctx.json(service.summaries(AgentTestsService.ids(ids, null, true, "test_ids")));
        });
        get("/{test_id}", ctx -> ctx.json(service.get(id(ctx))));
        put("/{test_id}", ctx -> {
            String id = id(ctx);
            ctx.json(service.update(id, AgentChecks.body(ctx, false)));
        });
        delete("/{test_id}", ctx -> {
            service.delete(id(ctx));
            ctx.json(Map.of());
        });
    }

    private static String id(Context ctx) {
        return Params.id(ctx, "test_id", "test_not_found", "Test");
    }
}
