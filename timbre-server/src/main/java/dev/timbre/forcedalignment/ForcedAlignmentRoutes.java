package dev.timbre.forcedalignment;

import static io.javalin.apibuilder.ApiBuilder.post;

import dev.timbre.http.MultipartForm;
import io.javalin.apibuilder.EndpointGroup;

/** {@code POST /v1/forced-alignment}: multipart {@code file} and {@code text} → character and word timings. */
public final class ForcedAlignmentRoutes implements EndpointGroup {
    private final ForcedAlignmentService service;
    private final long maxUploadBytes;

    public ForcedAlignmentRoutes(ForcedAlignmentService service, long maxUploadBytes) {
        this.service = service;
        this.maxUploadBytes = maxUploadBytes;
    }

    @Override
    public void addEndpoints() {
        post(ctx -> {
            MultipartForm form = MultipartForm.read(ctx, maxUploadBytes);
            MultipartForm.File file = form.requiredFile("file");
            form.bool("enabled_spooled_file", false); // validated; uploads are always read whole
            ctx.json(service.align(file.data(), form.field("text").orElse(null)));
        });
    }
}
