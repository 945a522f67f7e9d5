package dev.timbre.convai.secrets;

import static io.javalin.apibuilder.ApiBuilder.delete;
import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.patch;
import static io.javalin.apibuilder.ApiBuilder.post;

import dev.timbre.http.ApiException;
import dev.timbre.http.JsonBody;
import dev.timbre.http.Params;
import io.javalin.apibuilder.EndpointGroup;
import io.javalin.http.Context;

/** {@code /v1/convai/secrets}: list, create, get, update, delete. */
public final class SecretsRoutes implements EndpointGroup {
    private final SecretsService service;

    public SecretsRoutes(SecretsService service) {
        this.service = service;
    }

    @Override
    public void addEndpoints() {
        get(ctx -> ctx.json(service.list()));
        post(ctx -> {
            SecretRequest r = body(ctx, "new");
            ctx.json(service.create(r.name(), r.value()));
        });
        get("/{secret_id}", ctx -> ctx.json(service.get(id(ctx))));
        patch("/{secret_id}", ctx -> {
            String id = id(ctx);
            SecretRequest r = body(ctx, "update");
            ctx.json(service.update(id, r.name(), r.value()));
        });
        delete("/{secret_id}", ctx -> {
            service.delete(id(ctx));
            ctx.status(204);
        });
    }

    /** The body with {@code type} the literal {@code expectedType}, and {@code name} and {@code value} strings. */
    private static SecretRequest body(Context ctx, String expectedType) {
        SecretRequest r = JsonBody.read(ctx, SecretRequest.class);
        if (r.type() == null) throw ApiException.invalid("Field required", "missing", "body", "type");
        if (!r.type().equals(expectedType)) throw ApiException.invalid("Input should be '" + expectedType + "'", "literal_error", "body", "type");
        if (r.name() == null) throw ApiException.invalid("Field required", "missing", "body", "name");
        if (r.name().isBlank()) throw ApiException.invalid("String should have at least 1 character", "string_too_short", "body", "name");
        if (r.value() == null) throw ApiException.invalid("Field required", "missing", "body", "value");
        return r;
    }

    private static String id(Context ctx) {
        return Params.id(ctx, "secret_id", "secret_not_found", "Secret");
    }
}
