package dev.timbre.voices.pvc;

import static io.javalin.apibuilder.ApiBuilder.delete;
import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.post;

import dev.timbre.http.ApiException;
import dev.timbre.http.JsonBody;
import dev.timbre.http.MultipartForm;
import dev.timbre.http.Params;
import dev.timbre.voices.VoiceInput;
import io.javalin.apibuilder.EndpointGroup;
import io.javalin.http.Context;
import java.util.List;

/** {@code /v1/voices/pvc}: the 14 professional voice cloning endpoints. HTTP only: parse, call, write. */
final class PvcRoutes implements EndpointGroup {
    private final PvcService service;
    private final PvcVerification verification;
    private final PvcFineTuning fineTuning;
    private final long maxUploadBytes;

    PvcRoutes(PvcService service, PvcVerification verification, PvcFineTuning fineTuning, long maxUploadBytes) {
        this.service = service;
        this.verification = verification;
        this.fineTuning = fineTuning;
        this.maxUploadBytes = maxUploadBytes;
    }

    @Override
    public void addEndpoints() {
        post(ctx -> ctx.json(service.create(voiceBody(ctx, true))));
        post("{voice_id}", ctx -> ctx.json(service.edit(voiceId(ctx), voiceBody(ctx, false))));
        post("{voice_id}/train", ctx -> {
            String id = voiceId(ctx);
            PvcModels.TrainBody body = ctx.body().isBlank() ? new PvcModels.TrainBody(null) : JsonBody.read(ctx, PvcModels.TrainBody.class);
            ctx.json(fineTuning.train(id, body.modelId()));
        });
        post("{voice_id}/samples", ctx -> {
            String id = voiceId(ctx);
            MultipartForm form = MultipartForm.read(ctx, maxUploadBytes);
            List<VoiceInput.Upload> files = form.files("files", "files[]").stream().map(f -> new VoiceInput.Upload(f.filename(), f.data())).toList();
            ctx.json(service.addSamples(id, files, form.bool("remove_background_noise", false)));
        });
        post("{voice_id}/samples/{sample_id}", ctx -> {
            String id = voiceId(ctx), sample = sampleId(ctx);
            PvcModels.SampleBody body = ctx.body().isBlank() ? new PvcModels.SampleBody(null, null, null, null)
                    : JsonBody.read(ctx, PvcModels.SampleBody.class);
            ctx.json(service.updateSample(id, sample, body));
        });
        delete("{voice_id}/samples/{sample_id}", ctx -> {
            service.deleteSample(voiceId(ctx), sampleId(ctx));
            ctx.json(PvcModels.Status.OK);
        });
        get("{voice_id}/samples/{sample_id}/audio", ctx -> {
            String id = voiceId(ctx), sample = sampleId(ctx);
            Params.queryBool(ctx, "remove_background_noise", false); // validated; no noise removal is applied
            ctx.json(service.sampleAudio(id, sample));
        });
        get("{voice_id}/samples/{sample_id}/waveform", ctx -> ctx.json(service.waveform(voiceId(ctx), sampleId(ctx))));
        get("{voice_id}/samples/{sample_id}/speakers", ctx -> ctx.json(service.speakers(voiceId(ctx), sampleId(ctx))));
        post("{voice_id}/samples/{sample_id}/separate-speakers", ctx -> ctx.json(service.separate(voiceId(ctx), sampleId(ctx))));
        get("{voice_id}/samples/{sample_id}/speakers/{speaker_id}/audio", ctx -> {
            String id = voiceId(ctx), sample = sampleId(ctx);
            ctx.json(service.speakerAudio(id, sample, Params.id(ctx, "speaker_id", "speaker_not_found", "Speaker")));
        });
        post("{voice_id}/verification", ctx -> {
            String id = voiceId(ctx);
            MultipartForm form = MultipartForm.read(ctx, maxUploadBytes);
            ctx.json(verification.requestManual(id, form.files("files", "files[]"), form.field("extra_text").orElse(null)));
        });
        get("{voice_id}/captcha", ctx -> ctx.json(verification.captcha(voiceId(ctx))));
        post("{voice_id}/captcha", ctx -> {
            String id = voiceId(ctx);
            MultipartForm form = MultipartForm.read(ctx, maxUploadBytes);
            MultipartForm.File f = form.files("recording").stream().findFirst()
                    .orElseThrow(() -> ApiException.invalid("Field required", "missing", "body", "recording"));
            ctx.json(verification.verify(id, new VoiceInput.Upload(f.filename() == null ? "recording" : f.filename(), f.data())));
        });
    }

    /** Create (name and language required) or edit (all optional) body; name 1–100 characters. */
    private static PvcModels.VoiceBody voiceBody(Context ctx, boolean create) {
        PvcModels.VoiceBody b = create || !ctx.body().isBlank() ? JsonBody.read(ctx, PvcModels.VoiceBody.class)
                : new PvcModels.VoiceBody(null, null, null, null);
        if (create && b.name() == null) throw ApiException.invalid("Field required", "missing", "body", "name");
        if (create && b.language() == null) throw ApiException.invalid("Field required", "missing", "body", "language");
        if (b.name() != null && (b.name().isBlank() || b.name().length() > 100)) {
            throw ApiException.invalid("String should have 1 to 100 characters", "string_too_long", "body", "name");
        }
        if (b.language() != null && (b.language().isBlank() || b.language().length() > 32)) {
            throw ApiException.invalid("Language must be a language code such as 'en'", "value_error", "body", "language");
        }
        if (b.description() != null && b.description().length() > 2000) {
            throw ApiException.invalid("String should have at most 2000 characters", "string_too_long", "body", "description");
        }
        return b;
    }

    private static String voiceId(Context ctx) {
        return Params.id(ctx, "voice_id", "voice_not_found", "Voice");
    }

    private static String sampleId(Context ctx) {
        return Params.id(ctx, "sample_id", "sample_not_found", "Sample");
    }
}
