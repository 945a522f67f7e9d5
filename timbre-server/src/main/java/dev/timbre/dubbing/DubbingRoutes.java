package dev.timbre.dubbing;

import static io.javalin.apibuilder.ApiBuilder.delete;
import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.post;

import dev.timbre.http.ApiException;
import dev.timbre.http.MultipartForm;
import dev.timbre.http.Params;
import dev.timbre.outbound.OutboundHttp;
import dev.timbre.speechtotext.CloudAudio;
import io.javalin.apibuilder.EndpointGroup;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code /v1/dubbing}: create a dub (multipart: {@code file} or {@code source_url}, fetched under the outbound
 * policy; for a manual dub also {@code csv_file}, {@code foreground_audio_file}, {@code background_audio_file}), list,
 * get, delete, and a dub's audio/video and transcript per language. HTTP only: parsing here, decisions in
 * {@link DubbingService}.
 */
public final class DubbingRoutes implements EndpointGroup {
    private static final String ID = "dubbing_id";

    private final DubbingService service;
    private final long maxUploadBytes;
    private final CloudAudio cloud;

    public DubbingRoutes(DubbingService service, long maxUploadBytes, OutboundHttp outbound) {
        this.service = service;
        this.maxUploadBytes = maxUploadBytes;
        this.cloud = new CloudAudio(outbound, maxUploadBytes, Duration.ofSeconds(120));
    }

    @Override
    public void addEndpoints() {
        post(this::create);
        get(this::list);
        get("/{dubbing_id}", ctx -> ctx.json(service.get(id(ctx))));
        delete("/{dubbing_id}", ctx -> {
            service.delete(id(ctx));
            ctx.json(new DubbingModels.Deleted("ok"));
        });
        get("/{dubbing_id}/audio/{language_code}", ctx -> {
            DubbingService.Media m = service.audio(id(ctx), ctx.pathParam("language_code"));
            ctx.contentType(m.contentType()).result(m.data());
        });
        get("/{dubbing_id}/transcript/{language_code}", ctx -> {
            String format = Params.queryEnum(ctx, "format_type", Set.of("srt", "webvtt")).orElse("srt");
            String text = service.transcript(id(ctx), ctx.pathParam("language_code"), format.equals("webvtt"));
            // a JSON string, as ElevenLabs' server sends it: the official SDKs parse the body as JSON (string or object)
            ctx.contentType("application/json").result(dev.timbre.http.Json.write(text));
        });
    }

    private static String id(Context ctx) {
        return Params.id(ctx, ID, "dubbing_not_found", "Dubbing");
    }

    private void list(Context ctx) {
        int size = Params.queryInt(ctx, "page_size", 100, 1, 200);
        String status = Params.queryEnum(ctx, "dubbing_status", Set.of(Dubbing.DUBBING, Dubbing.DUBBED, Dubbing.FAILED)).orElse(null);
        String creator = Params.queryEnum(ctx, "filter_by_creator", Set.of("personal", "others", "all")).orElse("all");
        Params.queryEnum(ctx, "order_by", Set.of("created_at"));
        String direction = Params.queryEnum(ctx, "order_direction", Set.of("DESCENDING", "ASCENDING")).orElse("DESCENDING");
        ctx.json(service.list(status, direction.equals("ASCENDING"), creator.equals("others"), Params.query(ctx, "cursor").orElse(null), size));
    }

    private void create(Context ctx) {
        MultipartForm form = MultipartForm.read(ctx, maxUploadBytes);
        List<MultipartForm.File> files = form.files("file");
        Optional<String> url = form.field("source_url").map(String::strip).filter(s -> !s.isEmpty());
        if (files.size() + (url.isPresent() ? 1 : 0) != 1) {
            throw ApiException.invalid(files.size() > 1 ? "Only one file may be uploaded" : "Exactly one of file or source_url must be provided",
                    "value_error", "body", "file");
        }
        DubbingRequest r = parse(form);
        byte[] data = url.isPresent() ? cloud.fetch(url.get(), "source_url") : files.get(0).data();
        String filename = files.isEmpty() ? url.get().replaceAll(".*/", "") : files.get(0).filename();
        String type = files.isEmpty() ? null : files.get(0).contentType();
        ctx.json(service.create(r, data, filename, type, new DubbingService.Uploads(upload(form, "csv_file"), upload(form, "foreground_audio_file"),
                upload(form, "background_audio_file"))));
    }

    /** The one file of {@code field}, or null; a 422 for several or an empty one. */
    private static byte[] upload(MultipartForm form, String field) {
        List<MultipartForm.File> f = form.files(field);
        if (f.isEmpty()) return null;
        if (f.size() > 1) throw ApiException.invalid("Only one " + field + " may be uploaded", "value_error", "body", field);
        if (f.get(0).data().length == 0) throw ApiException.invalid("The uploaded " + field + " is empty", "value_error", "body", field);
        return f.get(0).data();
    }

    static DubbingRequest parse(MultipartForm form) {
        String target = form.field("target_lang").map(String::strip).filter(s -> !s.isEmpty())
                .orElseThrow(() -> ApiException.invalid("Field required", "missing", "body", "target_lang"));
        target = DubbingChecks.language(target, "target_lang");
        String source = form.field("source_lang").map(String::strip).filter(s -> !s.isEmpty()).orElse("auto");
        if (!source.equalsIgnoreCase("auto")) source = DubbingChecks.language(source, "source_lang");
        else source = "auto";
        int speakers = form.field("num_speakers").map(v -> Params.parseInt(v, 0, 32, "body", "num_speakers")).orElse(0);
        Integer start = form.field("start_time").map(v -> Params.parseInt(v, 0, Integer.MAX_VALUE, "body", "start_time")).orElse(null);
        Integer end = form.field("end_time").map(v -> Params.parseInt(v, 1, Integer.MAX_VALUE, "body", "end_time")).orElse(null);
        if (start != null && end != null && end <= start) {
            throw ApiException.invalid("end_time must be after start_time", "value_error", "body", "end_time");
        }
        String mode = form.field("mode").map(String::strip).filter(s -> !s.isEmpty()).orElse("automatic");
        Params.oneOf(mode, Set.of("automatic", "manual"), "body", "mode");
        boolean csv = !form.files("csv_file").isEmpty(), studio = form.bool("dubbing_studio", false);
        if (mode.equals("manual") && !csv) throw ApiException.invalid("mode=manual needs a csv_file", "value_error", "body", "csv_file");
        if (mode.equals("manual") && !studio) {
            throw ApiException.invalid("mode=manual is only supported when creating a dubbing studio project (dubbing_studio=true)", "value_error",
                    "body", "dubbing_studio");
        }
        for (String track : List.of("foreground_audio_file", "background_audio_file")) {
            if (!csv && !form.files(track).isEmpty()) throw ApiException.invalid(track + " is for use only with a csv_file", "value_error", "body", track);
        }
        if (csv && source.equals("auto")) {
            throw ApiException.invalid("source_lang is required with a csv_file (there is no recognition to detect it)", "value_error", "body", "source_lang");
        }
        Double fps = form.field("csv_fps").map(String::strip).filter(s -> !s.isEmpty()).map(DubbingRoutes::fps).orElse(null);
        Boolean profanity = form.field("use_profanity_filter").map(v -> Params.parseBool(v, "body", "use_profanity_filter")).orElse(null);
        DubbingOptions o = new DubbingOptions(speakers, start, end, form.bool("drop_background_audio", false), form.bool("disable_voice_cloning", false),
                form.bool("watermark", false), form.bool("highest_resolution", false), profanity, mode, form.field("target_accent").orElse(null), fps, null, null, null);
        return new DubbingRequest(form.field("name").orElse(null), source, target, o, studio);
    }

    private static double fps(String v) {
        try {
            double f = Double.parseDouble(v);
            if (f > 0 && f <= 240) return f;
        } catch (NumberFormatException e) {
            // refused below
        }
        throw ApiException.invalid("csv_fps must be a number of frames per second above 0 and at most 240", "value_error", "body", "csv_fps");
    }
}
