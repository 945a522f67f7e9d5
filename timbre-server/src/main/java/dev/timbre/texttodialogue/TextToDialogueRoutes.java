package dev.timbre.texttodialogue;

import static io.javalin.apibuilder.ApiBuilder.post;

import dev.timbre.audio.OutputFormat;
import dev.timbre.http.ApiException;
import dev.timbre.http.Json;
import dev.timbre.http.JsonBody;
import dev.timbre.http.MediaType;
import dev.timbre.http.Params;
import io.javalin.apibuilder.EndpointGroup;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * {@code /v1/text-to-dialogue}: whole audio, an audio stream, and both with character timestamps and voice segments
 * (JSON, and newline-delimited JSON for the stream: the official SDK splits that stream on "\n"). Streams write each
 * chunk as soon as it is encoded.
 */
public final class TextToDialogueRoutes implements EndpointGroup {
    private final TextToDialogueService service;

    public TextToDialogueRoutes(TextToDialogueService service) {
        this.service = service;
    }

    @Override
    public void addEndpoints() {
        post(this::convert);
        post("with-timestamps", this::convertWithTimestamps);
        post("stream", this::stream);
        post("stream/with-timestamps", this::streamWithTimestamps);
    }

    /** What every variant reads from the request, checked before any synthesis. */
    private record Call(TextToDialogueService.Dialogue dialogue, OutputFormat format, boolean logging) {}

    private Call call(Context ctx) {
        OutputFormat format = outputFormat(ctx);
        boolean logging = Params.queryBool(ctx, "enable_logging", true);
        TextToDialogueService.Dialogue d = service.prepare(JsonBody.read(ctx, TextToDialogueRequest.class));
        ctx.header("request-id", d.requestId());
        ctx.header("x-character-count", Integer.toString(d.characters()));
        if (logging) ctx.header("history-item-id", d.historyItemId());
        return new Call(d, format, logging);
    }

    private void convert(Context ctx) {
        Call c = call(ctx);
        TextToDialogueService.Result result = service.convert(c.dialogue(), c.format(), c.logging());
        MediaType.set(ctx, c.format().contentType());
        ctx.result(result.audio());
    }

    private void convertWithTimestamps(Context ctx) {
        Call c = call(ctx);
        TextToDialogueService.Result r = service.convert(c.dialogue(), c.format(), c.logging());
        ctx.json(AudioWithVoiceSegments.of(new DialogueMix.Chunk(r.audio(), r.alignment(), r.normalizedAlignment(), r.voiceSegments(), true)));
    }

    private void stream(Context ctx) {
        Call c = call(ctx);
        MediaType.set(ctx, c.format().contentType());
        streamTo(ctx, c, (out, chunk) -> {
            if (chunk.audio().length == 0) return;
            out.write(chunk.audio());
            out.flush();
        });
    }

    private void streamWithTimestamps(Context ctx) {
        Call c = call(ctx);
        MediaType.set(ctx, "application/x-ndjson");
        streamTo(ctx, c, (out, chunk) -> {
            if (chunk.audio().length == 0 && chunk.alignment() == null && chunk.normalizedAlignment() == null
                    && chunk.voiceSegments().isEmpty()) return;
            out.write((Json.write(AudioWithVoiceSegments.of(chunk)) + "\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
        });
    }

    private interface ChunkWriter {
        void write(OutputStream out, DialogueMix.Chunk chunk) throws IOException;
    }

    /** A client that goes away mid-stream cancels the synthesis; there is no one left to tell. */
    private void streamTo(Context ctx, Call c, ChunkWriter writer) {
        try {
            OutputStream out = ctx.res().getOutputStream();
            service.stream(c.dialogue(), c.format(), c.logging(), chunk -> writer.write(out, chunk));
        } catch (IOException clientGone) {
            // the synthesis was cancelled by closing its engine stream
        }
    }

    private static OutputFormat outputFormat(Context ctx) {
        String v = Params.query(ctx, "output_format").orElse(OutputFormat.DEFAULT.id());
        return OutputFormat.parse(v).orElseThrow(() -> {
            Params.oneOf(v, Set.copyOf(OutputFormat.API_VALUES), "query", "output_format");
            return ApiException.invalid("Unsupported output format", "enum", "query", "output_format");
        });
    }
}
