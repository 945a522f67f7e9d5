package dev.timbre.audionative;

import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.post;

import dev.timbre.http.MultipartForm;
import dev.timbre.http.Params;
import dev.timbre.studio.NewProject;
import io.javalin.apibuilder.EndpointGroup;
import io.javalin.http.Context;
import java.util.Set;

/**
 * {@code /v1/audio-native}: create (multipart: the article as {@code file}, HTML or text, or {@code from_url} as a
 * Timbre extension; the player's settings), {@code GET /{project_id}/settings}, {@code POST /{project_id}/content}.
 */
public final class AudioNativeRoutes implements EndpointGroup {
    private static final Set<String> TEXT_NORMALIZATION = Set.of("auto", "on", "off", "apply_english");

    private final AudioNativeService service;
    private final long maxUploadBytes;

    AudioNativeRoutes(AudioNativeService service, long maxUploadBytes) {
        this.service = service;
        this.maxUploadBytes = maxUploadBytes;
    }

    @Override
    public void addEndpoints() {
        post(this::create);
        get("/{project_id}/settings", ctx -> ctx.json(service.settings(projectId(ctx), origin(ctx))));
        post("/{project_id}/content", ctx -> {
            String id = projectId(ctx);
            MultipartForm form = MultipartForm.read(ctx, maxUploadBytes);
            ctx.json(service.content(id, file(form), form.bool("auto_convert", false), form.bool("auto_publish", false), origin(ctx)));
        });
    }

    private void create(Context ctx) {
        MultipartForm form = MultipartForm.read(ctx, maxUploadBytes);
        String name = form.required("name");
        int sessionization = form.field("sessionization").map(v -> Params.parseInt(v, 0, 60 * 24 * 365, "body", "sessionization")).orElse(0);
        PlayerSettings player = new PlayerSettings(opt(form, "title"), opt(form, "image"), opt(form, "author"), form.bool("small", false),
                opt(form, "text_color"), opt(form, "background_color"), sessionization);
        String normalization = form.field("apply_text_normalization")
                .map(v -> Params.oneOf(v, TEXT_NORMALIZATION, "body", "apply_text_normalization")).orElse("auto");
        ctx.json(service.create(name, player, opt(form, "voice_id"), opt(form, "model_id"), file(form), opt(form, "from_url"),
                normalization, form.bool("auto_convert", false), origin(ctx)));
    }

    private static NewProject.Document file(MultipartForm form) {
        return form.files("file").stream().filter(f -> f.data().length > 0).findFirst()
                .map(f -> new NewProject.Document(f.filename() == null || f.filename().isBlank() ? "article.txt" : f.filename(),
                        f.contentType(), f.data())).orElse(null);
    }

    private static String opt(MultipartForm form, String field) {
        return form.field(field).filter(v -> !v.isBlank()).orElse(null);
    }

    private static String projectId(Context ctx) {
        return Params.id(ctx, "project_id", "project_not_found", "Project");
    }

    /** This server as the caller reached it (the snippet and the audio URL point here). */
    static String origin(Context ctx) {
        String proto = ctx.header("X-Forwarded-Proto");
        String scheme = proto != null ? proto.split(",")[0].trim() : ctx.scheme();
        String host = ctx.header("Host") != null ? ctx.header("Host") : ctx.host();
        return ("https".equalsIgnoreCase(scheme) ? "https" : "http") + "://" + host;
    }
}
