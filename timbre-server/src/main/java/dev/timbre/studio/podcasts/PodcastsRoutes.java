package dev.timbre.studio.podcasts;

import static io.javalin.apibuilder.ApiBuilder.post;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timbre.http.JsonBody;
import dev.timbre.studio.Studio;
import io.javalin.apibuilder.EndpointGroup;

/** {@code POST /v1/studio/podcasts}: JSON body as the OpenAPI's; answers {@code {"project": …}}. */
public final class PodcastsRoutes implements EndpointGroup {
    private final PodcastsService service;
    private final Studio studio;

    PodcastsRoutes(PodcastsService service, Studio studio) {
        this.service = service;
        this.studio = studio;
    }

    @Override
    public void addEndpoints() {
        post(ctx -> ctx.json(studio.projectEnvelope(service.create(JsonBody.read(ctx, JsonNode.class)))));
    }
}
