package dev.timbre.audioisolation;

import static io.javalin.apibuilder.ApiBuilder.post;

import dev.timbre.access.Caller;
import dev.timbre.http.ApiException;
import dev.timbre.http.ApiKeyAuth;
import dev.timbre.http.MultipartForm;
import dev.timbre.user.ChargedFor;
import dev.timbre.user.UserService;
import io.javalin.apibuilder.EndpointGroup;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * {@code POST /v1/audio-isolation} and {@code POST /v1/audio-isolation/stream} (multipart: {@code audio} required,
 * {@code file_format} {@code pcm_s16le_16} or {@code other}, default {@code other}). The first answers the whole MP3;
 * the second writes and flushes each block as it is processed (chunked). A client that leaves ends the work.
 */
public final class AudioIsolationRoutes implements EndpointGroup {
    private final AudioIsolationService service;
    private final UserService users;
    private final long maxUploadBytes;

    public AudioIsolationRoutes(AudioIsolationService service, UserService users, long maxUploadBytes) {
        this.service = service;
        this.users = users;
        this.maxUploadBytes = maxUploadBytes;
    }

    private AudioIsolationService.Charging charging(Context ctx) {
        Caller caller = ApiKeyAuth.caller(ctx);
        return credits -> {
            users.charge(caller, credits, new ChargedFor(ChargedFor.AUDIO_ISOLATION, null, null));
            ctx.header("character-cost", Integer.toString(credits));
        };
    }

    @Override
    public void addEndpoints() {
        post(ctx -> {
            Upload u = upload(ctx);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            service.isolate(u.audio(), u.rawPcm(), false, charging(ctx), out::write);
            ctx.contentType(AudioIsolationService.OUTPUT.contentType()).result(out.toByteArray());
        });
        post("/stream", ctx -> {
            Upload u = upload(ctx);
            ctx.contentType(AudioIsolationService.OUTPUT.contentType());
            OutputStream[] out = new OutputStream[1];
            try {
                service.isolate(u.audio(), u.rawPcm(), true, charging(ctx), bytes -> {
                    if (out[0] == null) out[0] = ctx.res().getOutputStream();
                    out[0].write(bytes);
                    out[0].flush();
                });
            } catch (IOException clientGone) {
                // the client left (or the provider broke off after the first bytes): nothing more to send
            }
        });
    }

    private record Upload(byte[] audio, boolean rawPcm) {}

    private Upload upload(Context ctx) {
        MultipartForm form = MultipartForm.read(ctx, maxUploadBytes);
        MultipartForm.File audio = form.requiredFile("audio");
        String format = form.field("file_format").map(String::trim).filter(s -> !s.isEmpty()).orElse("other");
        if (!format.equals("pcm_s16le_16") && !format.equals("other")) {
            throw ApiException.invalid("Input should be 'pcm_s16le_16' or 'other'", "enum", "body", "file_format");
        }
        return new Upload(audio.data(), format.equals("pcm_s16le_16"));
    }
}
