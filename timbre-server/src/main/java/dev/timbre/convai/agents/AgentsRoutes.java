package dev.timbre.convai.agents;

import static io.javalin.apibuilder.ApiBuilder.delete;
import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.patch;
import static io.javalin.apibuilder.ApiBuilder.post;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.timbre.http.Params;
import io.javalin.apibuilder.EndpointGroup;
import io.javalin.http.Context;
import java.util.Map;
import java.util.Set;

/** {@code /v1/convai/agents}: create, get, list, update, delete, duplicate, link. */
public final class AgentsRoutes implements EndpointGroup {
    private final AgentsService service;

    public AgentsRoutes(AgentsService service) {
        this.service = service;
    }

    @Override
    public void addEndpoints() {
        get(this::list);
        post("/create", this::create);
        get("/{agent_id}", ctx -> ctx.json(service.get(id(ctx))));
        patch("/{agent_id}", this::update);
        delete("/{agent_id}", ctx -> {
            service.delete(id(ctx));
            ctx.json(Map.of());
        });
        post("/{agent_id}/duplicate", this::duplicate);
        get("/{agent_id}/link", ctx -> ctx.json(service.link(id(ctx))));
    }

    private void create(Context ctx) {
        ObjectNode body = AgentChecks.body(ctx, false);
        AgentChecks.agentBody(body, true);
        ctx.json(Map.of("agent_id", service.create(body)));
    }

    private void update(Context ctx) {
        String id = id(ctx);
        ObjectNode body = AgentChecks.body(ctx, true);
        AgentChecks.agentBody(body, false);
        ctx.json(service.update(id, body));
    }

    private void duplicate(Context ctx) {
        String id = id(ctx);
        ObjectNode body = AgentChecks.body(ctx, true);
        AgentChecks.duplicateBody(body);
        JsonNode name = body.get("name");
        ctx.json(Map.of("agent_id", service.duplicate(id, name == null || name.isNull() ? null : name.asText())));
    }

    private void list(Context ctx) {
        Boolean archived = Params.query(ctx, "archived").map(v -> Params.parseBool(v, "query", "archived")).orElse(null);
        Params.query(ctx, "show_only_owned_agents").ifPresent(v -> Params.parseBool(v, "query", "show_only_owned_agents"));
        AgentQuery q = new AgentQuery(
                Params.queryInt(ctx, "page_size", 30, 1, AgentsService.MAX_PAGE_SIZE),
                Params.query(ctx, "search").orElse(null),
                Params.queryEnum(ctx, "sort_by", Set.of("name", "created_at")).orElse("created_at"),
                Params.queryEnum(ctx, "sort_direction", Set.of("asc", "desc")).map("asc"::equals).orElse(false),
                Params.query(ctx, "cursor").orElse(null),
                archived);
        ctx.json(service.list(q));
    }

    private static String id(Context ctx) {
        String id = ctx.pathParam("agent_id");
        if (!dev.timbre.common.Ids.isSafe(id)) throw AgentsService.notFound(id.length() > 64 ? id.substring(0, 64) + "…" : id);
        return id;
    }
}
