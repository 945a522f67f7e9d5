package dev.timbre.openai;

import static io.javalin.apibuilder.ApiBuilder.before;
import static io.javalin.apibuilder.ApiBuilder.post;

import dev.timbre.access.Caller;
import dev.timbre.http.ApiKeyAuth;
import dev.timbre.http.ErrorBodies;
import dev.timbre.http.Json;
import dev.timbre.http.JsonBody;
import dev.timbre.http.MediaType;
import dev.timbre.speech.SpeechChunk;
import dev.timbre.texttospeech.TextToSpeechService;
import io.javalin.apibuilder.EndpointGroup;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * OpenAI's {@code POST /v1/audio/speech} on the text-to-speech use case, so OpenAI audio clients work with a changed
 * base URL. The audio is streamed as it is encoded (chunked), or with {@code stream_format: "sse"} as
 * {@code speech.audio.delta} events ending in {@code speech.audio.done}. History and character accounting are those of
 * ElevenLabs TTS. Every error of this path, auth included, is an OpenAI error body ({@link OpenAiErrors}).
 */
public final class OpenAiSpeechRoutes implements EndpointGroup {
    private final TextToSpeechService service;
    private final OpenAiVoices voices;

    public OpenAiSpeechRoutes(TextToSpeechService service, OpenAiVoices voices) {
        this.service = service;
        this.voices = voices;
    }

    @Override
    public void addEndpoints() {
        before("speech", ctx -> ErrorBodies.useShape(ctx, OpenAiErrors::write));
        post("speech", this::speech);
    }

    private void speech(Context ctx) throws IOException, InterruptedException {
        OpenAiSpeechChecks.Speech s = OpenAiSpeechChecks.check(JsonBody.read(ctx, OpenAiSpeechRequest.class), voices);
        TextToSpeechService.Prepared p = service.prepare(s.voiceId(), s.request(), s.speed());
        int characters = p.normalized().original().length();
        ctx.header("request-id", p.requestId());
        ctx.header("x-character-count", Integer.toString(characters));
        ctx.header("history-item-id", p.historyItemId());
        if (s.sse()) {
            MediaType.set(ctx, "text/event-stream");
            ctx.header("Cache-Control", "no-cache");
            OutputStream out = ctx.res().getOutputStream();
            boolean done = streamTo(ApiKeyAuth.caller(ctx), p, s, audio -> event(out, new Delta("speech.audio.delta", Base64.getEncoder().encodeToString(audio))));
            if (done) {
                try {
                    event(out, new Done("speech.audio.done", new Usage(characters, 0, characters)));
                } catch (IOException clientGone) {
                    // the audio is complete and recorded; only the last event is lost
                }
            }
        } else {
            MediaType.set(ctx, s.format().contentType());
            OutputStream out = ctx.res().getOutputStream();
            streamTo(ApiKeyAuth.caller(ctx), p, s, audio -> {
                out.write(audio);
                out.flush();
            });
        }
    }

    /** {@code speech.audio.delta}: one piece of audio, base64. */
    record Delta(String type, String audio) {}

    /** {@code speech.audio.done}. OpenAI counts tokens; Timbre reports the characters charged as input tokens. */
    record Done(String type, Usage usage) {}

    record Usage(int inputTokens, int outputTokens, int totalTokens) {}

    /** Writes one SSE event and flushes it. */
    private static void event(OutputStream out, Object data) throws IOException {
        out.write(("data: " + Json.write(data) + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private interface AudioWriter {
        void write(byte[] audio) throws IOException;
    }

    /** False when the client went away mid-stream, which cancels the synthesis; there is no one left to tell. */
    private boolean streamTo(Caller caller, TextToSpeechService.Prepared p, OpenAiSpeechChecks.Speech s, AudioWriter writer) throws InterruptedException {
        try (TextToSpeechService.Generation g = service.stream(caller, p, s.format(), true)) {
            for (SpeechChunk chunk; (chunk = g.next()) != null; ) {
                if (chunk.audio().length > 0) writer.write(chunk.audio());
            }
            return true;
        } catch (IOException clientGone) {
            return false;
        }
    }
}
