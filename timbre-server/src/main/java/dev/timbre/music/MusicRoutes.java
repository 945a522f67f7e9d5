package dev.timbre.music;

import static io.javalin.apibuilder.ApiBuilder.post;

import dev.timbre.audio.AudioEncoder;
import dev.timbre.audio.OutputFormat;
import dev.timbre.common.Ids;
import dev.timbre.http.ApiException;
import dev.timbre.http.Json;
import dev.timbre.http.JsonBody;
import dev.timbre.http.MediaType;
import dev.timbre.http.Params;
import io.javalin.apibuilder.EndpointGroup;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * {@code /v1/music}: compose (whole audio), {@code /stream} (each section's audio written once rendered),
 * {@code /detailed} ({@code multipart/mixed}: a JSON part with {@code composition_plan} and {@code song_metadata},
 * then the audio part with a {@code Content-Disposition} file name) and {@code /plan} (JSON). Every compose answer
 * carries {@code song-id}. With a provider configured ({@code TIMBRE_MUSIC_URL}) compose requests are checked here,
 * then forwarded and its answer passed back as it arrives.
 */
public final class MusicRoutes implements EndpointGroup {
    private final MusicService service;

    public MusicRoutes(MusicService service) {
        this.service = service;
    }

    @Override
    public void addEndpoints() {
        post(this::compose);
        post("stream", this::stream);
        post("detailed", this::detailed);
        post("plan", ctx -> ctx.json(service.plan(JsonBody.read(ctx, PlanRequest.class))));
    }

    private record Call(ComposeRequest request, Composition composition, OutputFormat format) {}

    private Call call(Context ctx) {
        OutputFormat format = outputFormat(ctx);
        ComposeRequest r = JsonBody.read(ctx, ComposeRequest.class);
        Composition c = service.prepare(r);
        ctx.header("song-id", c.songId());
        return new Call(r, c, format);
    }

    private void compose(Context ctx) throws Exception {
        Call c = call(ctx);
        if (forwarded(ctx, c, "/v1/music")) return;
        MediaType.set(ctx, c.format().contentType());
        ctx.result(renderAll(c));
    }

    private void stream(Context ctx) throws Exception {
        Call c = call(ctx);
        if (forwarded(ctx, c, "/v1/music/stream")) return;
        MediaType.set(ctx, c.format().contentType());
        AudioEncoder encoder = AudioEncoder.create(MusicService.SAMPLE_RATE, c.format());
        try (MusicService.Rendering r = service.render(c.composition())) {
            OutputStream out = ctx.res().getOutputStream();
            for (byte[] pcm; (pcm = r.next()) != null; ) {
                out.write(encoder.encode(pcm));
                out.flush();
            }
            out.write(encoder.finish());
            out.flush();
        } catch (IOException clientGone) {
            // closing the rendering stopped the synthesizer; no one is left to tell
        }
    }

    private void detailed(Context ctx) throws Exception {
        Call c = call(ctx);
        if (forwarded(ctx, c, "/v1/music/detailed")) return;
        byte[] audio = renderAll(c);
        String boundary = Ids.random(24);
        ByteArrayOutputStream body = new ByteArrayOutputStream(audio.length + 4096);
        body.writeBytes(("--" + boundary + "\r\nContent-Type: application/json\r\n\r\n" + Json.write(c.composition().detailed())
                + "\r\n--" + boundary + "\r\nContent-Type: " + c.format().contentType()
                + "\r\nContent-Disposition: attachment; filename=\"" + c.composition().songId() + "." + c.format().fileExtension()
                + "\"\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(audio);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        MediaType.set(ctx, "multipart/mixed; boundary=" + boundary);
        ctx.result(body.toByteArray());
    }

    private byte[] renderAll(Call c) throws InterruptedException {
        AudioEncoder encoder = AudioEncoder.create(MusicService.SAMPLE_RATE, c.format());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MusicService.Rendering r = service.render(c.composition())) {
            for (byte[] pcm; (pcm = r.next()) != null; ) out.writeBytes(encoder.encode(pcm));
        }
        out.writeBytes(encoder.finish());
        return out.toByteArray();
    }

    /** Passes the request to the configured provider and its answer back; false when there is none. */
    private boolean forwarded(Context ctx, Call c, String path) throws IOException, InterruptedException {
        RemoteMusic remote = service.remote().orElse(null);
        if (remote == null) return false;
        RemoteMusic.Answer a;
        try {
            a = remote.post(path, c.format().id(), c.request());
        } catch (IOException e) {
            throw new ApiException(502, "music_provider_unavailable", "The music provider could not be reached.");
        }
        try (InputStream in = a.body()) {
            ctx.status(a.status());
            if (a.songId() != null) ctx.header("song-id", a.songId());
            MediaType.set(ctx, a.contentType());
            OutputStream out = ctx.res().getOutputStream();
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) >= 0; ) {
                out.write(buf, 0, n);
                out.flush();
            }
        }
        return true;
    }

    private static OutputFormat outputFormat(Context ctx) {
        String v = Params.query(ctx, "output_format").orElse(OutputFormat.DEFAULT.id());
        return OutputFormat.parse(v).orElseThrow(() -> {
            Params.oneOf(v, Set.copyOf(OutputFormat.API_VALUES), "query", "output_format");
            return ApiException.invalid("Unsupported output format", "enum", "query", "output_format");
        });
    }
}
