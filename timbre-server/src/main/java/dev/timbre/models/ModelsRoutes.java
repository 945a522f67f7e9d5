package dev.timbre.models;

import static io.javalin.apibuilder.ApiBuilder.get;

import io.javalin.apibuilder.EndpointGroup;

/** {@code /v1/models}. */
public final class ModelsRoutes implements EndpointGroup {
    private final ModelsService service;

    public ModelsRoutes(ModelsService service) {
        this.service = service;
    }

    @Override
    public void addEndpoints() {
        get(ctx -> ctx.json(service.list()));
    }
}
