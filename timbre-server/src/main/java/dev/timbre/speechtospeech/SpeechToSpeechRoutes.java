package dev.timbre.speechtospeech;

import static io.javalin.apibuilder.ApiBuilder.post;

import dev.timbre.audio.OutputFormat;
import dev.timbre.http.ApiException;
import dev.timbre.http.Json;
import dev.timbre.http.MediaType;
import dev.timbre.http.MultipartForm;
import dev.timbre.http.Params;
import dev.timbre.voices.VoiceSettings;
import io.javalin.apibuilder.EndpointGroup;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Set;

/**
 * {@code POST /v1/speech-to-speech/{voice_id}} (the whole audio) and {@code …/stream} (each phrase written as soon as
 * it is converted). Multipart {@code audio} (required), {@code model_id}, {@code voice_settings} (a JSON string),
 * {@code seed}, {@code remove_background_noise}, {@code file_format}; query {@code output_format},
 * {@code enable_logging}, {@code optimize_streaming_latency}.
 */
public final class SpeechToSpeechRoutes implements EndpointGroup {
    private final SpeechToSpeechService service;
    private final long maxUploadBytes;

    public SpeechToSpeechRoutes(SpeechToSpeechService service, long maxUploadBytes) {
        this.service = service;
        this.maxUploadBytes = maxUploadBytes;
    }

    @Override
    public void addEndpoints() {
        post("{voice_id}", this::convert);
        post("{voice_id}/stream", this::stream);
    }

    private void convert(Context ctx) throws InterruptedException {
        try (Conversion c = service.open(request(ctx), false)) {
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            for (byte[] piece; (piece = c.next()) != null; ) all.writeBytes(piece);
            headers(ctx, c);
            ctx.result(all.toByteArray());
        }
    }

    /** Writes each piece as it is made. A client that goes away ends the conversion; there is no one left to tell. */
    private void stream(Context ctx) throws InterruptedException {
        try (Conversion c = service.open(request(ctx), true)) {
            headers(ctx, c);
            OutputStream out = ctx.res().getOutputStream();
            boolean written = false;
            try {
                for (byte[] piece; (piece = c.next()) != null; ) {
                    if (piece.length == 0) continue;
                    out.write(piece);
                    out.flush();
                    written = true;
                }
            } catch (ApiException e) {
                if (!written) throw e; // still an error response; after audio went out, the stream just ends short
            }
        } catch (IOException clientGone) {
            // closing the conversion freed its slot
        }
    }

    private static void headers(Context ctx, Conversion c) {
        MediaType.set(ctx, c.contentType());
        if (c.historyItemId() != null) ctx.header("history-item-id", c.historyItemId());
    }

    private SpeechToSpeechRequest request(Context ctx) {
        String voiceId = Params.id(ctx, "voice_id", "voice_not_found", "A voice with the voice_id");
        OutputFormat format = outputFormat(ctx);
        boolean logging = Params.queryBool(ctx, "enable_logging", true);
        int latency = Params.query(ctx, "optimize_streaming_latency")
                .map(v -> Params.parseInt(v, 0, 4, "query", "optimize_streaming_latency")).orElse(0);
        MultipartForm form = MultipartForm.read(ctx, maxUploadBytes);
        MultipartForm.File audio = form.requiredFile("audio");
        String model = form.field("model_id").map(String::strip).filter(s -> !s.isEmpty()).orElse(SpeechToSpeechRequest.DEFAULT_MODEL);
        VoiceSettings settings = form.field("voice_settings").map(SpeechToSpeechRoutes::settings).orElse(null);
        Long seed = form.field("seed").map(v -> (long) Params.parseInt(v, 0, Integer.MAX_VALUE, "body", "seed")).orElse(null);
        boolean denoise = form.bool("remove_background_noise", false);
        String fileFormat = form.field("file_format").map(v -> Params.oneOf(v, Set.of("pcm_s16le_16", "other"), "body", "file_format"))
                .orElse("other");
        return new SpeechToSpeechRequest(voiceId, model, settings, seed, denoise, fileFormat.equals("pcm_s16le_16"), format, logging,
                latency, audio.data(), audio.filename(), audio.contentType());
    }

    private static VoiceSettings settings(String json) {
        VoiceSettings s;
        try {
            s = Json.MAPPER.readValue(json, VoiceSettings.class);
        } catch (Exception e) {
            throw ApiException.invalid("voice_settings must be a JSON object of voice settings", "json_invalid", "body", "voice_settings");
        }
        if (s == null) throw ApiException.invalid("voice_settings must be a JSON object of voice settings", "json_invalid", "body", "voice_settings");
        return s.validate("body", "voice_settings");
    }

    private static OutputFormat outputFormat(Context ctx) {
        String v = Params.query(ctx, "output_format").orElse(OutputFormat.DEFAULT.id());
        return OutputFormat.parse(v).orElseThrow(() -> {
            Params.oneOf(v, Set.copyOf(OutputFormat.API_VALUES), "query", "output_format");
            return ApiException.invalid("Unsupported output format", "enum", "query", "output_format");
        });
    }
}
