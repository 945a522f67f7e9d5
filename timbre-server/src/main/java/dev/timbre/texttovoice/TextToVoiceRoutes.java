package dev.timbre.texttovoice;

import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.post;

import dev.timbre.audio.OutputFormat;
import dev.timbre.http.ApiException;
import dev.timbre.http.JsonBody;
import dev.timbre.http.MediaType;
import dev.timbre.http.Params;
import io.javalin.apibuilder.EndpointGroup;
import io.javalin.http.Context;
import java.util.Set;

/**
 * {@code /v1/text-to-voice}: {@code design}, {@code create-previews} (the older name of the same), {@code
 * {voice_id}/remix}, {@code {generated_voice_id}/stream} and {@code POST /} (save a preview as a voice). HTTP only.
 */
public final class TextToVoiceRoutes implements EndpointGroup {
    /** The previews' default format, as the OpenAPI gives it for these operations. */
    static final String DEFAULT_FORMAT = "mp3_44100_192";

    private final TextToVoiceService service;

    public TextToVoiceRoutes(TextToVoiceService service) {
        this.service = service;
    }

    @Override
    public void addEndpoints() {
        post("design", ctx -> ctx.json(service.design(JsonBody.read(ctx, DesignRequest.class), format(ctx))));
        post("create-previews", ctx -> ctx.json(service.design(JsonBody.read(ctx, DesignRequest.class), format(ctx))));
        post("{voice_id}/remix", ctx -> {
            String voiceId = Params.id(ctx, "voice_id", "voice_not_found", "Voice");
            ctx.json(service.remix(voiceId, JsonBody.read(ctx, DesignRequest.class), format(ctx)));
        });
        get("{generated_voice_id}/stream", ctx -> {
            byte[] audio = service.stream(Params.id(ctx, "generated_voice_id", "generated_voice_not_found", "Generated voice"));
            MediaType.set(ctx, "audio/mpeg");
            ctx.result(audio);
        });
        post(ctx -> ctx.json(service.create(JsonBody.read(ctx, CreateVoiceRequest.class))));
    }

    private static OutputFormat format(Context ctx) {
        String v = Params.query(ctx, "output_format").orElse(DEFAULT_FORMAT);
        return OutputFormat.parse(v).orElseThrow(() -> {
            Params.oneOf(v, Set.copyOf(OutputFormat.API_VALUES), "query", "output_format");
            return ApiException.invalid("Unsupported output format", "enum", "query", "output_format");
        });
    }
}
