package dev.timbre.voices;

import static io.javalin.apibuilder.ApiBuilder.get;

import dev.timbre.http.ApiException;
import dev.timbre.http.MediaType;
import io.javalin.apibuilder.EndpointGroup;

/** {@code GET /previews/{voice_id}.mp3}: premade voice previews, public as ElevenLabs' preview URLs are. */
public final class PreviewRoutes implements EndpointGroup {
    private final VoicePreviews previews;

    public PreviewRoutes(VoicePreviews previews) {
        this.previews = previews;
    }

    @Override
    public void addEndpoints() {
        get("{file}", ctx -> {
            String file = ctx.pathParam("file");
            if (!file.matches("[A-Za-z0-9_-]{1,64}\\.mp3")) throw ApiException.notFound("not_found", "No such preview.");
            byte[] audio = previews.preview(file.substring(0, file.length() - 4));
            ctx.header("Cache-Control", "public, max-age=86400");
            MediaType.set(ctx, "audio/mpeg");
            ctx.result(audio);
        });
    }
}
