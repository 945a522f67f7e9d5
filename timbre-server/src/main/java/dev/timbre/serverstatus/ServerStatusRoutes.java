package dev.timbre.serverstatus;

import static io.javalin.apibuilder.ApiBuilder.get;

import io.javalin.apibuilder.EndpointGroup;

/** {@code /v1/timbre}: {@code GET /engines}, the engines and LLM providers with their status ({@link EnginesStatus}). */
public final class ServerStatusRoutes implements EndpointGroup {
    private final ServerStatusService service;

    public ServerStatusRoutes(ServerStatusService service) {
        this.service = service;
    }

    @Override
    public void addEndpoints() {
        get("/engines", ctx -> ctx.json(service.engines()));
    }
}
