package dev.timbre.voices;

import static io.javalin.apibuilder.ApiBuilder.delete;
import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.post;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.timbre.http.ApiException;
import dev.timbre.http.Json;
import dev.timbre.http.JsonBody;
import dev.timbre.http.MultipartForm;
import dev.timbre.http.MediaType;
import dev.timbre.http.Params;
import io.javalin.apibuilder.EndpointGroup;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;

/** {@code /v1/voices} (this group) and {@code /v2/voices} ({@link #v2()}). */
public final class VoicesRoutes implements EndpointGroup {
    private final VoicesService service;
    private final long maxUploadBytes;

    public VoicesRoutes(VoicesService service, long maxUploadBytes) {
        this.service = service;
        this.maxUploadBytes = maxUploadBytes;
    }

    @Override
    public void addEndpoints() {
        get(ctx -> {
            Params.queryBool(ctx, "show_legacy", false); // no legacy voices exist; validated only
            ctx.json(new VoicePages.All(absolute(ctx, service.list())));
        });
        get("settings/default", ctx -> ctx.json(service.defaultSettings()));
        post("add", ctx -> ctx.json(service.add(input(MultipartForm.read(ctx, maxUploadBytes)))));
        get("{voice_id}", ctx -> {
            Params.queryBool(ctx, "with_settings", true); // deprecated and ignored by the API: settings are always sent
            ctx.json(service.get(voiceId(ctx)).withBaseUrl(baseUrl(ctx)));
        });
        delete("{voice_id}", ctx -> {
            service.delete(voiceId(ctx));
            ctx.json(VoicePages.Status.OK);
        });
        get("{voice_id}/settings", ctx -> ctx.json(service.settingsOfExisting(voiceId(ctx))));
        post("{voice_id}/settings/edit", ctx -> {
            String id = voiceId(ctx);
            service.editSettings(id, JsonBody.read(ctx, VoiceSettings.class));
            ctx.json(VoicePages.Status.OK);
        });
        post("{voice_id}/edit", ctx -> {
            String id = voiceId(ctx);
            service.edit(id, input(MultipartForm.read(ctx, maxUploadBytes)));
            ctx.json(VoicePages.Status.OK);
        });
        get("{voice_id}/samples/{sample_id}/audio", ctx -> {
            String id = voiceId(ctx);
            String sampleId = Params.id(ctx, "sample_id", "sample_not_found", "Sample");
            VoicesService.SampleAudio audio = service.sampleAudio(id, sampleId);
            MediaType.set(ctx, audio.mimeType());
            ctx.result(audio.data());
        });
    }

    /** {@code GET /v2/voices}: search, filter, sort and page. */
    public EndpointGroup v2() {
        return () -> get(ctx -> {
            VoicePages.Page page = service.search(search(ctx));
            ctx.json(new VoicePages.Page(absolute(ctx, page.voices()), page.hasMore(), page.totalCount(), page.nextPageToken()));
        });
    }

    private static VoiceSearch search(Context ctx) {
        String sort = Params.queryEnum(ctx, "sort", VoiceSearch.SORTS).orElse("created_at_unix");
        String direction = Params.queryEnum(ctx, "sort_direction", VoiceSearch.DIRECTIONS)
                .orElse(sort.equals("name") ? "asc" : "desc");
        List<String> ids = Params.queryAll(ctx, "voice_ids");
        if (ids.size() > 100) throw ApiException.invalid("List should have at most 100 items", "too_long", "query", "voice_ids");
        Params.queryBool(ctx, "include_total_count", true); // the count is always known, so always sent
        int offset = Params.query(ctx, "next_page_token")
                .map(t -> Params.parseInt(t, 0, Integer.MAX_VALUE, "query", "next_page_token")).orElse(0);
        return new VoiceSearch(Params.query(ctx, "search").orElse(null), sort, direction.equals("desc"),
                Params.queryEnum(ctx, "voice_type", VoiceSearch.VOICE_TYPES).orElse(null),
                Params.queryEnum(ctx, "category", VoiceSearch.CATEGORIES).orElse(null),
                Params.queryEnum(ctx, "fine_tuning_state", VoiceSearch.FINE_TUNING_STATES).orElse(null),
                Params.query(ctx, "collection_id").orElse(null), ids,
                Params.queryInt(ctx, "page_size", 10, 1, 100), offset);
    }

    /** Preview URLs are absolute, against the URL the client used to reach this server. */
    private static List<VoiceResponse> absolute(Context ctx, List<VoiceResponse> voices) {
        String base = baseUrl(ctx);
        return voices.stream().map(v -> v.withBaseUrl(base)).toList();
    }

    private static String baseUrl(Context ctx) {
        String proto = ctx.header("X-Forwarded-Proto");
        return (proto != null && proto.matches("https?") ? proto : ctx.scheme()) + "://" + ctx.host();
    }

    private static String voiceId(Context ctx) {
        return Params.id(ctx, "voice_id", "voice_not_found", "Voice");
    }

    /** The fields of {@code POST /v1/voices/add} and {@code /edit}; {@code labels} is a JSON object as a string. */
    private static VoiceInput input(MultipartForm form) {
        String name = form.required("name").trim();
        if (name.isEmpty() || name.length() > 200) {
            throw ApiException.invalid("Name must be 1 to 200 characters", "value_error", "body", "name");
        }
        String description = form.field("description").orElse(null);
        if (description != null && description.length() > 2000) {
            throw ApiException.invalid("Description must be at most 2000 characters", "string_too_long", "body", "description");
        }
        List<VoiceInput.Upload> files = form.files("files", "files[]").stream()
                .map(f -> new VoiceInput.Upload(f.filename(), f.data())).toList();
        return new VoiceInput(name, description, labels(form), files,
                form.bool("remove_background_noise", false));
    }

    private static Map<String, String> labels(MultipartForm form) {
        return form.field("labels").map(json -> {
            if (json.length() > 3000) throw ApiException.invalid("Labels must be at most 3000 characters", "string_too_long", "body", "labels");
            try {
                Map<String, Object> raw = Json.MAPPER.readValue(json, new TypeReference<Map<String, Object>>() {});
                Map<String, String> out = new java.util.LinkedHashMap<>();
                raw.forEach((k, v) -> { if (v != null) out.put(k, String.valueOf(v)); });
                return out;
            } catch (com.fasterxml.jackson.core.JsonProcessingException | RuntimeException e) {
                throw ApiException.invalid("Labels must be a JSON object of strings", "json_invalid", "body", "labels");
            }
        }).orElse(null);
    }
}
