package dev.timbre.soundgeneration;

import static io.javalin.apibuilder.ApiBuilder.post;

import dev.timbre.access.Caller;
import dev.timbre.audio.OutputFormat;
import dev.timbre.http.ApiKeyAuth;
import dev.timbre.user.ChargedFor;
import dev.timbre.user.UserService;
import dev.timbre.http.ApiException;
import dev.timbre.http.JsonBody;
import dev.timbre.http.MediaType;
import dev.timbre.http.Params;
import io.javalin.apibuilder.EndpointGroup;
import io.javalin.http.Context;
import java.util.Set;

/** {@code POST /v1/sound-generation} (JSON body, {@code output_format} query, default {@code mp3_44100_128}): the audio. */
public final class SoundGenerationRoutes implements EndpointGroup {
    private final SoundGenerationService service;
    private final UserService users;

    public SoundGenerationRoutes(SoundGenerationService service, UserService users) {
        this.service = service;
        this.users = users;
    }

    @Override
    public void addEndpoints() {
        post(ctx -> {
            OutputFormat format = outputFormat(ctx);
            Caller caller = ApiKeyAuth.caller(ctx);
            SoundGenerationRequest request = JsonBody.read(ctx, SoundGenerationRequest.class);
            SoundGenerationService.Result r = service.generate(request, format,
                    credits -> users.charge(caller, credits, new ChargedFor(ChargedFor.SOUND_GENERATION, null, request.modelId())));
            ctx.header("character-cost", Integer.toString(r.characterCost()));
            MediaType.set(ctx, r.contentType());
            ctx.result(r.audio());
        });
    }

    private static OutputFormat outputFormat(Context ctx) {
        String v = Params.query(ctx, "output_format").orElse(OutputFormat.DEFAULT.id());
        return OutputFormat.parse(v).orElseThrow(() -> {
            Params.oneOf(v, Set.copyOf(OutputFormat.API_VALUES), "query", "output_format");
            return ApiException.invalid("Unsupported output format", "enum", "query", "output_format");
        });
    }
}
