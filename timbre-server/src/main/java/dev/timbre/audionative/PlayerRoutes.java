package dev.timbre.audionative;

import static io.javalin.apibuilder.ApiBuilder.get;

import dev.timbre.common.Ids;
import dev.timbre.http.ApiException;
import io.javalin.apibuilder.EndpointGroup;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The embeddable player, public and for any origin ({@code Access-Control-Allow-Origin: *}), mounted at {@code /}:
 * {@code /audio-native/player.js} (the script the snippet loads; it fills each
 * {@code #elevenlabs-audionative-widget} div), {@code /audio-native/{project_id}/player.json} (title, author,
 * colours, status, audio URL) and {@code /audio-native/{project_id}/audio.mp3} (the newest converted audio). Only
 * Audio Native projects are served; anything else is a 404. Nothing here needs or reads a key.
 */
public final class PlayerRoutes implements EndpointGroup {
    private static final byte[] SCRIPT = script();

    private final AudioNativeService service;

    PlayerRoutes(AudioNativeService service) {
        this.service = service;
    }

    @Override
    public void addEndpoints() {
        // mounted at "/": paths are relative to it
        get("audio-native/player.js", ctx -> {
            ctx.header("Access-Control-Allow-Origin", "*").header("Cache-Control", "no-cache").header("X-Content-Type-Options", "nosniff");
            ctx.contentType("text/javascript; charset=utf-8").result(SCRIPT);
        });
        get("audio-native/{project_id}/player.json", ctx -> {
            ctx.header("Access-Control-Allow-Origin", "*").header("Cache-Control", "no-store");
            ctx.json(service.settings(projectId(ctx), AudioNativeRoutes.origin(ctx)).settings());
        });
        get("audio-native/{project_id}/audio.mp3", this::audio);
    }

    private void audio(Context ctx) throws IOException {
        ctx.header("Access-Control-Allow-Origin", "*").header("Cache-Control", "no-cache");
        InputStream in = service.audio(projectId(ctx)).orElseThrow(() -> ApiException.notFound("audio_not_found",
                "This project has no converted audio yet."));
        ctx.contentType("audio/mpeg").result(in);
    }

    private static String projectId(Context ctx) {
        String id = ctx.pathParam("project_id");
        if (!Ids.isSafe(id)) throw ApiException.notFound("project_not_found", "No such project");
        return id;
    }

    private static byte[] script() {
        try (InputStream in = PlayerRoutes.class.getResourceAsStream("/audionative/player.js")) {
            if (in == null) throw new IllegalStateException("audionative/player.js is missing from the class path");
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
