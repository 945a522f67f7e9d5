package dev.timbre.texttodialogue;

import static io.javalin.apibuilder.ApiBuilder.post;

import dev.timbre.audio.OutputFormat;
import dev.timbre.access.Caller;
import dev.timbre.http.ApiKeyAuth;
import dev.timbre.http.ApiException;
import dev.timbre.http.Json;
import dev.timbre.http.JsonBody;
import dev.timbre.http.MediaType;
import dev.timbre.http.Params;
import dev.timbre.http.SpeechErrors;
import dev.timbre.speech.SpeechChunk;
import dev.timbre.speech.SpeechException;
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
    private record Call(Caller caller, TextToDialogueService.Dialogue dialogue, OutputFormat format, boolean logging) {}

    private Call call(Context ctx) {
        OutputFormat format = outputFormat(ctx);
        boolean logging = Params.queryBool(ctx, "enable_logging", true);
        TextToDialogueService.Dialogue d = service.prepare(JsonBody.read(ctx, TextToDialogueRequest.class));
        ctx.header("request-id", d.requestId());
        ctx.header("x-character-count", Integer.toString(d.characters()));
        if (logging) ctx.header("history-item-id", d.historyItemId());
        return new Call(ApiKeyAuth.caller(ctx), d, format, logging);
    }

    private void convert(Context ctx) throws InterruptedException {
        Call c = call(ctx);
        TextToDialogueService.Result result = convert(c);
        MediaType.set(ctx, c.format().contentType());
        ctx.result(result.audio());
    }

    private void convertWithTimestamps(Context ctx) throws InterruptedException {
        ctx.json(convert(call(ctx)).body());
    }

    private void stream(Context ctx) throws InterruptedException {
        Call c = call(ctx);
        MediaType.set(ctx, c.format().contentType());
        streamTo(ctx, c, (out, g, chunk) -> {
            if (chunk.audio().length == 0) return;
            out.write(chunk.audio());
            out.flush();
        });
    }

    private void streamWithTimestamps(Context ctx) throws InterruptedException {
        Call c = call(ctx);
        MediaType.set(ctx, "application/x-ndjson");
        streamTo(ctx, c, (out, g, chunk) -> {
            if (chunk.isEmpty()) return;
            out.write((Json.write(g.body(chunk)) + "\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
        });
    }

    private interface ChunkWriter {
        void write(OutputStream out, TextToDialogueService.Generation g, SpeechChunk chunk) throws IOException;
    }

    private TextToDialogueService.Result convert(Call c) throws InterruptedException {
        try {
            return service.convert(c.caller(), c.dialogue(), c.format(), c.logging());
        } catch (SpeechException.Refused e) {
            throw refused(e);
        }
    }

    /** Writes each chunk as it is pulled. A client that goes away cancels the rest; there is no one left to tell. */
    private void streamTo(Context ctx, Call c, ChunkWriter writer) throws InterruptedException {
        try (TextToDialogueService.Generation g = service.stream(c.caller(), c.dialogue(), c.format(), c.logging())) {
            OutputStream out = ctx.res().getOutputStream();
            for (SpeechChunk chunk; (chunk = g.next()) != null; ) writer.write(out, g, chunk);
        } catch (IOException clientGone) {
            // closing the generation cancelled the synthesis
        } catch (SpeechException.Refused e) {
            throw refused(e);
        }
    }

    /** An engine that refuses a line refuses that input's text. */
    private static ApiException refused(SpeechException.Refused e) {
        return SpeechErrors.of(e, "body", "inputs", e.segment(), "text");
    }

    private static OutputFormat outputFormat(Context ctx) {
        String v = Params.query(ctx, "output_format").orElse(OutputFormat.DEFAULT.id());
        return OutputFormat.parse(v).orElseThrow(() -> {
            Params.oneOf(v, Set.copyOf(OutputFormat.API_VALUES), "query", "output_format");
            return ApiException.invalid("Unsupported output format", "enum", "query", "output_format");
        });
    }
}
