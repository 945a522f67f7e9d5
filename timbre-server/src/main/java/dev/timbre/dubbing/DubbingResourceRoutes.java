package dev.timbre.dubbing;

import static io.javalin.apibuilder.ApiBuilder.delete;
import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.patch;
import static io.javalin.apibuilder.ApiBuilder.post;

import dev.timbre.http.JsonBody;
import dev.timbre.http.Params;
import io.javalin.apibuilder.EndpointGroup;
import io.javalin.http.Context;

/**
 * {@code /v1/dubbing/resource/{dubbing_id}}: ElevenLabs' dubbing-resource editing endpoints (the resource, segments,
 * transcribe/translate/dub of chosen segments, render, add a language, speakers' voices). HTTP only: JSON bodies
 * parsed here, decisions in {@link DubbingResourceService}.
 */
public final class DubbingResourceRoutes implements EndpointGroup {
    private final DubbingResourceService service;

    public DubbingResourceRoutes(DubbingResourceService service) {
        this.service = service;
    }

    @Override
    public void addEndpoints() {
        get("/{dubbing_id}", ctx -> ctx.json(service.get(id(ctx))));
        post("/{dubbing_id}/speaker/{speaker_id}/segment", ctx -> ctx.status(201).json(service.createSegment(id(ctx), speaker(ctx),
                JsonBody.read(ctx, ResourceView.SegmentCreate.class))));
        patch("/{dubbing_id}/segment/{segment_id}/{language}", ctx -> ctx.json(service.updateSegment(id(ctx), segment(ctx), ctx.pathParam("language"),
                JsonBody.read(ctx, ResourceView.SegmentUpdate.class))));
        delete("/{dubbing_id}/segment/{segment_id}", ctx -> ctx.json(service.deleteSegment(id(ctx), segment(ctx))));
        post("/{dubbing_id}/transcribe", ctx -> ctx.json(service.transcribe(id(ctx), JsonBody.read(ctx, ResourceView.Selection.class))));
        post("/{dubbing_id}/translate", ctx -> ctx.json(service.translate(id(ctx), JsonBody.read(ctx, ResourceView.Selection.class))));
        post("/{dubbing_id}/dub", ctx -> ctx.json(service.dub(id(ctx), JsonBody.read(ctx, ResourceView.Selection.class))));
        post("/{dubbing_id}/render/{language}", ctx -> ctx.json(service.render(id(ctx), ctx.pathParam("language"),
                JsonBody.read(ctx, ResourceView.RenderRequest.class))));
        post("/{dubbing_id}/language", ctx -> ctx.status(201).json(service.addLanguage(id(ctx), JsonBody.read(ctx, ResourceView.LanguageRequest.class))));
        patch("/{dubbing_id}/speaker/{speaker_id}", ctx -> ctx.json(service.updateSpeaker(id(ctx), speaker(ctx),
                JsonBody.read(ctx, ResourceView.SpeakerUpdate.class))));
        get("/{dubbing_id}/speaker/{speaker_id}/similar-voices", ctx -> ctx.json(service.similarVoices(id(ctx), speaker(ctx))));
    }

    private static String id(Context ctx) {
        return Params.id(ctx, "dubbing_id", "dubbing_not_found", "Dubbing");
    }

    private static String speaker(Context ctx) {
        return Params.id(ctx, "speaker_id", "speaker_not_found", "Speaker");
    }

    private static String segment(Context ctx) {
        return Params.id(ctx, "segment_id", "segment_not_found", "Segment");
    }
}
