package dev.timbre.speechtotext;

import static io.javalin.apibuilder.ApiBuilder.delete;
import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.post;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.timbre.common.Ids;
import dev.timbre.http.ApiException;
import dev.timbre.http.Json;
import dev.timbre.http.MultipartForm;
import dev.timbre.http.Params;
import dev.timbre.http.RequestTracking;
import io.javalin.apibuilder.EndpointGroup;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@code /v1/speech-to-text}: create a transcript (multipart), get and delete stored transcripts. */
public final class SpeechToTextRoutes implements EndpointGroup {
    private static final String ID = "transcription_id";

    private final SpeechToTextService service;
    private final long maxUploadBytes;
    private final CloudAudio cloud;

    /** @param outbound fetches {@code cloud_storage_url}/{@code source_url} under the outbound policy */
    public SpeechToTextRoutes(SpeechToTextService service, long maxUploadBytes, dev.timbre.outbound.OutboundHttp outbound) {
        this.service = service;
        this.maxUploadBytes = maxUploadBytes;
        this.cloud = new CloudAudio(outbound, maxUploadBytes, java.time.Duration.ofSeconds(60));
    }

    @Override
    public void addEndpoints() {
        post(this::create);
        get("/transcripts/{transcription_id}", ctx -> ctx.json(service.get(id(ctx))));
        delete("/transcripts/{transcription_id}", ctx -> {
            service.delete(id(ctx));
            ctx.json(Map.of("status", "ok"));
        });
    }

    private static String id(Context ctx) {
        return Params.id(ctx, ID, "transcript_not_found", "Transcript");
    }

    private void create(Context ctx) {
        service.engine();
        boolean enableLogging = Params.queryBool(ctx, "enable_logging", true);
        MultipartForm form = MultipartForm.read(ctx, maxUploadBytes);
        TranscriptionRequest r = parse(form, enableLogging);
        List<MultipartForm.File> files = form.files("file");
        Optional<String> url = form.field("cloud_storage_url").or(() -> form.field("source_url"));
        if (files.size() + (url.isPresent() ? 1 : 0) != 1) {
            throw ApiException.invalid(files.size() > 1 ? "Only one file may be uploaded"
                    : "Exactly one of file or cloud_storage_url must be provided", "value_error", "body", "file");
        }
        service.check(r);
        byte[] audio = url.isPresent() ? cloud.fetch(url.get()) : files.get(0).data();
        if (r.webhook()) {
            String requestId = Optional.ofNullable(ctx.res().getHeader(RequestTracking.REQUEST_ID)).orElseGet(Ids::random);
            ctx.status(202).json(service.submit(r, audio, requestId));
        } else {
            ctx.json(service.transcribe(r, audio));
        }
    }

    static TranscriptionRequest parse(MultipartForm form, boolean enableLogging) {
        String model = form.required("model_id");
        String language = form.field("language_code").map(String::trim).filter(s -> !s.isEmpty()).orElse(null);
        Integer speakers = form.field("num_speakers").map(v -> Params.parseInt(v, 1, 32, "body", "num_speakers")).orElse(null);
        String granularity = form.field("timestamps_granularity")
                .map(v -> Params.oneOf(v, Set.of("none", "word", "character"), "body", "timestamps_granularity")).orElse("word");
        boolean diarize = form.bool("diarize", false);
        Double threshold = form.field("diarization_threshold").map(v -> number(v, 0.1, 0.4, "diarization_threshold")).orElse(null);
        if (threshold != null && (!diarize || speakers != null)) {
            throw ApiException.invalid("diarization_threshold can only be set when diarize is true and num_speakers is not set",
                    "value_error", "body", "diarization_threshold");
        }
        String fileFormat = form.field("file_format").map(v -> Params.oneOf(v, Set.of("pcm_s16le_16", "other"), "body", "file_format")).orElse("other");
        Double temperature = form.field("temperature").map(v -> number(v, 0.0, 2.0, "temperature")).orElse(null);
        Integer seed = form.field("seed").map(v -> Params.parseInt(v, 0, Integer.MAX_VALUE, "body", "seed")).orElse(null);
        return new TranscriptionRequest(model, language, form.bool("tag_audio_events", true), speakers, granularity, diarize, threshold,
                formats(form.field("additional_formats").orElse(null)), fileFormat.equals("pcm_s16le_16"), temperature, seed,
                form.bool("use_multi_channel", false), form.bool("webhook", false), form.field("webhook_id").orElse(null),
                metadata(form.field("webhook_metadata").orElse(null)), enableLogging);
    }

    private static double number(String v, double min, double max, String name) {
        double d;
        try {
            d = Double.parseDouble(v.trim());
        } catch (NumberFormatException e) {
            throw ApiException.invalid("Input should be a valid number, unable to parse string as a number", "float_parsing", "body", name);
        }
        if (!(d >= min)) throw ApiException.invalid("Input should be greater than or equal to " + min, "greater_than_equal", "body", name);
        if (!(d <= max)) throw ApiException.invalid("Input should be less than or equal to " + max, "less_than_equal", "body", name);
        return d;
    }

    static List<ExportOptions> formats(String json) {
        if (json == null || json.isBlank()) return List.of();
        List<ExportOptions> list;
        try {
            JsonNode node = Json.MAPPER.readTree(json);
            if (node.isObject()) node = Json.MAPPER.createArrayNode().add(node);
            list = Json.MAPPER.convertValue(node, new TypeReference<List<ExportOptions>>() {});
        } catch (Exception e) {
            throw ApiException.invalid("additional_formats must be a JSON array of export options", "json_invalid", "body", "additional_formats");
        }
        List<ExportOptions> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            ExportOptions o = list.get(i);
            if (o == null || o.format() == null) throw ApiException.invalid("Field required", "missing", "body", "additional_formats", i, "format");
            if (!TranscriptExports.KNOWN.contains(o.format())) {
                throw ApiException.invalid("Input should be 'docx', 'html', 'pdf', 'segmented_json', 'srt' or 'txt'", "union_tag_invalid",
                        "body", "additional_formats", i, "format");
            }
            if (!TranscriptExports.SUPPORTED.contains(o.format())) {
                throw ApiException.invalid("The export format '" + o.format() + "' is not supported yet by this server; supported: html, segmented_json, srt, txt",
                        "value_error", "body", "additional_formats", i, "format");
            }
            if (o.maxSegmentChars() != null && o.maxSegmentChars() < 1 || o.maxCharactersPerLine() != null && o.maxCharactersPerLine() < 1
                    || o.maxSegmentDurationS() != null && o.maxSegmentDurationS() <= 0 || o.segmentOnSilenceLongerThanS() != null && o.segmentOnSilenceLongerThanS() < 0) {
                throw ApiException.invalid("Segment limits must be positive", "greater_than", "body", "additional_formats", i);
            }
            out.add(o);
        }
        return out;
    }

    private static JsonNode metadata(String v) {
        if (v == null) return null;
        try {
            JsonNode n = Json.MAPPER.readTree(v);
            if (n != null && n.isObject()) return n;
        } catch (Exception ignored) {
            // a plain string
        }
        return TextNode.valueOf(v);
    }
}
