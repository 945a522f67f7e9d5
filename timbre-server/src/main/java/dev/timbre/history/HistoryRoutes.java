package dev.timbre.history;

import static io.javalin.apibuilder.ApiBuilder.delete;
import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.post;

import dev.timbre.http.ApiException;
import dev.timbre.http.JsonBody;
import dev.timbre.http.MediaType;
import dev.timbre.http.Params;
import io.javalin.apibuilder.EndpointGroup;
import io.javalin.http.Context;
import java.util.Map;
import java.util.Set;

/** {@code /v1/history}: list, get, audio, delete, download. */
public final class HistoryRoutes implements EndpointGroup {
    private static final String ID = "history_item_id";

    private final HistoryService service;

    public HistoryRoutes(HistoryService service) {
        this.service = service;
    }

    @Override
    public void addEndpoints() {
        get(this::list);
        post("/download", this::download);
        get("/{history_item_id}", ctx -> ctx.json(service.get(id(ctx))));
        delete("/{history_item_id}", ctx -> {
            service.delete(id(ctx));
            ctx.json(Map.of("status", "ok"));
        });
        get("/{history_item_id}/audio", this::audio);
    }

    private void list(Context ctx) {
        HistoryQuery q = new HistoryQuery(
                Params.queryInt(ctx, "page_size", 100, 1, HistoryService.MAX_PAGE_SIZE),
                Params.query(ctx, "start_after_history_item_id").orElse(null),
                Params.query(ctx, "voice_id").orElse(null),
                Params.query(ctx, "model_id").orElse(null),
                Params.queryLong(ctx, "date_before_unix").orElse(null),
                Params.queryLong(ctx, "date_after_unix").orElse(null),
                Params.queryEnum(ctx, "sort_direction", Set.of("asc", "desc")).map("asc"::equals).orElse(false),
                Params.query(ctx, "search").orElse(null),
                Params.queryEnum(ctx, "source", Set.of("TTS", "STS")).orElse(null));
        ctx.json(service.list(q));
    }

    private void audio(Context ctx) {
        HistoryService.Audio audio = service.audio(id(ctx));
        MediaType.set(ctx, audio.item().contentType());
        ctx.result(audio.data());
    }

    private void download(Context ctx) throws java.io.IOException {
        DownloadRequest body = JsonBody.read(ctx, DownloadRequest.class);
        if (body.historyItemIds() == null) throw ApiException.invalid("Field required", "missing", "body", "history_item_ids");
        if (body.historyItemIds().isEmpty()) {
            throw ApiException.invalid("List should have at least 1 item after validation, not 0", "too_short", "body", "history_item_ids");
        }
        for (int i = 0; i < body.historyItemIds().size(); i++) {
            if (body.historyItemIds().get(i) == null) throw ApiException.invalid("Input should be a valid string", "string_type", "body", "history_item_ids", i);
        }
        Download d = service.download(body.historyItemIds(), body.outputFormat());
        MediaType.set(ctx, d.contentType());
        ctx.header("Content-Disposition", "attachment; filename=\"" + d.fileName() + "\"");
        d.body().writeTo(ctx.res().getOutputStream()); // a storage failure past this point cuts the response off
    }

    private static String id(Context ctx) {
        return Params.id(ctx, ID, "history_item_not_found", "History item");
    }
}
