package dev.timbre.texttospeech;

import static io.javalin.apibuilder.ApiBuilder.post;

import dev.timbre.audio.OutputFormat;
import dev.timbre.access.Caller;
import dev.timbre.http.ApiException;
import dev.timbre.http.ApiKeyAuth;
import dev.timbre.http.Json;
import dev.timbre.http.JsonBody;
import dev.timbre.http.MediaType;
import dev.timbre.http.Params;
import dev.timbre.speech.CharacterAlignment;
import dev.timbre.speech.SpeechChunk;
import io.javalin.apibuilder.EndpointGroup;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;

/**
 * {@code /v1/text-to-speech/{voice_id}}: whole audio, an audio stream, and both with character timestamps (JSON, and
 * newline-delimited JSON for the stream). Streams write each chunk as soon as it is encoded.
 */
public final class TextToSpeechRoutes implements EndpointGroup {
    private final TextToSpeechService service;

    public TextToSpeechRoutes(TextToSpeechService service) {
        this.service = service;
    }

    @Override
    public void addEndpoints() {
        post("{voice_id}", this::convert);
        post("{voice_id}/with-timestamps", this::convertWithTimestamps);
        post("{voice_id}/stream", this::stream);
        post("{voice_id}/stream/with-timestamps", this::streamWithTimestamps);
    }

    /** What every variant reads from the request, checked before any synthesis. */
    private record Call(Caller caller, TextToSpeechService.Prepared prepared, OutputFormat format, boolean logging) {}

    private Call call(Context ctx) {
        String voiceId = Params.id(ctx, "voice_id", "voice_not_found", "A voice with the voice_id");
        OutputFormat format = outputFormat(ctx);
        boolean logging = Params.queryBool(ctx, "enable_logging", true);
        int latency = Params.query(ctx, "optimize_streaming_latency")
                .map(v -> Params.parseInt(v, 0, 4, "query", "optimize_streaming_latency")).orElse(0);
        TextToSpeechRequest request = JsonBody.read(ctx, TextToSpeechRequest.class).withStreamingLatency(latency);
        TextToSpeechService.Prepared p = service.prepare(voiceId, request);
        if (ctx.body().contains(RequestedShape.FIELD)) p = p.shapedBy(RequestedShape.of(JsonBody.read(ctx, com.fasterxml.jackson.databind.JsonNode.class)));
        ctx.header("request-id", p.requestId());
        ctx.header("x-character-count", Integer.toString(p.text().length()));
        if (logging) ctx.header("history-item-id", p.historyItemId());
        return new Call(ApiKeyAuth.caller(ctx), p, format, logging);
    }

    private void convert(Context ctx) throws InterruptedException {
        Call c = call(ctx);
        TextToSpeechService.Result result = service.convert(c.caller(), c.prepared(), c.format(), c.logging());
        MediaType.set(ctx, c.format().contentType());
        ctx.result(result.audio());
    }

    private void convertWithTimestamps(Context ctx) throws InterruptedException {
        Call c = call(ctx);
        TextToSpeechService.Result result = service.convert(c.caller(), c.prepared(), c.format(), c.logging());
        ctx.json(AudioWithTimestamps.of(result.all()));
    }

    private void stream(Context ctx) throws InterruptedException {
        Call c = call(ctx);
        MediaType.set(ctx, c.format().contentType());
        streamTo(ctx, c, (out, chunk) -> {
            if (chunk.audio().length == 0) return;
            out.write(chunk.audio());
            out.flush();
        });
    }

    private void streamWithTimestamps(Context ctx) throws InterruptedException {
        Call c = call(ctx);
        MediaType.set(ctx, "application/x-ndjson");
        streamTo(ctx, c, (out, chunk) -> {
            if (chunk.audio().length == 0 && chunk.alignment() == null && chunk.normalizedAlignment() == null) return;
            out.write((Json.write(AudioWithTimestamps.of(chunk)) + "\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
        });
    }

    private interface ChunkWriter {
        void write(OutputStream out, SpeechChunk chunk) throws IOException;
    }

    /** Writes each chunk as it is pulled. A client that goes away cancels the rest; there is no one left to tell. */
    private void streamTo(Context ctx, Call c, ChunkWriter writer) throws InterruptedException {
        try (TextToSpeechService.Generation g = service.stream(c.caller(), c.prepared(), c.format(), c.logging())) {
            OutputStream out = ctx.res().getOutputStream();
            for (SpeechChunk chunk; (chunk = g.next()) != null; ) writer.write(out, chunk);
        } catch (IOException clientGone) {
            // closing the generation cancelled the synthesis
        }
    }

    /** {@code AudioWithTimestampsResponseModel} and {@code StreamingAudioChunkWithTimestampsResponseModel}. */
    record AudioWithTimestamps(String audioBase64, CharacterAlignment alignment, CharacterAlignment normalizedAlignment) {
        static AudioWithTimestamps of(SpeechChunk chunk) {
            return new AudioWithTimestamps(Base64.getEncoder().encodeToString(chunk.audio()), chunk.alignment(), chunk.normalizedAlignment());
        }
    }

    static OutputFormat outputFormat(Context ctx) {
        String v = Params.query(ctx, "output_format").orElse(OutputFormat.DEFAULT.id());
        return OutputFormat.parse(v).orElseThrow(() -> {
            Params.oneOf(v, Set.copyOf(OutputFormat.API_VALUES), "query", "output_format");
            return ApiException.invalid("Unsupported output format", "enum", "query", "output_format");
        });
    }
}
