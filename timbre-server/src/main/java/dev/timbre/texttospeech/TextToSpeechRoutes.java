package dev.timbre.texttospeech;

import static io.javalin.apibuilder.ApiBuilder.post;

import dev.timbre.audio.OutputFormat;
import dev.timbre.http.ApiException;
import dev.timbre.http.JsonBody;
import dev.timbre.http.MediaType;
import dev.timbre.http.Params;
import io.javalin.apibuilder.EndpointGroup;
import io.javalin.http.Context;
import java.util.Set;

/** {@code /v1/text-to-speech/{voice_id}}: audio for text in one response. */
public final class TextToSpeechRoutes implements EndpointGroup {
    private final TextToSpeechService service;

    public TextToSpeechRoutes(TextToSpeechService service) {
        this.service = service;
    }

    @Override
    public void addEndpoints() {
        post("{voice_id}", this::convert);
    }

    private void convert(Context ctx) {
        String voiceId = Params.id(ctx, "voice_id", "voice_not_found", "A voice with the voice_id");
        OutputFormat format = outputFormat(ctx);
        boolean logging = Params.queryBool(ctx, "enable_logging", true);
        Params.query(ctx, "optimize_streaming_latency").ifPresent(v -> Params.parseInt(v, 0, 4, "query", "optimize_streaming_latency"));
        TextToSpeechRequest request = JsonBody.read(ctx, TextToSpeechRequest.class);
        TextToSpeechService.Result result = service.convert(voiceId, request, format, logging);
        if (result.historyItemId() != null) ctx.header("history-item-id", result.historyItemId());
        ctx.header("request-id", result.requestId());
        ctx.header("x-character-count", Integer.toString(result.characters()));
        MediaType.set(ctx, format.contentType());
        ctx.result(result.audio());
    }

    static OutputFormat outputFormat(Context ctx) {
        String v = Params.query(ctx, "output_format").orElse(OutputFormat.DEFAULT.id());
        return OutputFormat.parse(v).orElseThrow(() -> {
            Params.oneOf(v, Set.copyOf(OutputFormat.API_VALUES), "query", "output_format");
            return ApiException.invalid("Unsupported output format", "enum", "query", "output_format");
        });
    }
}
