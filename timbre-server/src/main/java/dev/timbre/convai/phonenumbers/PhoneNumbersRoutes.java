package dev.timbre.convai.phonenumbers;

import static io.javalin.apibuilder.ApiBuilder.delete;
import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.patch;
import static io.javalin.apibuilder.ApiBuilder.post;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timbre.http.JsonBody;
import dev.timbre.http.Params;
import io.javalin.apibuilder.EndpointGroup;
import io.javalin.http.Context;
import java.util.Map;

/** {@code /v1/convai/phone-numbers}: import, list (optional {@code provider}, {@code agent_id} filters), get, update, delete. */
public final class PhoneNumbersRoutes implements EndpointGroup {
    private final PhoneNumbersService service;

    public PhoneNumbersRoutes(PhoneNumbersService service) {
        this.service = service;
    }

    @Override
    public void addEndpoints() {
        post(ctx -> ctx.json(service.create(JsonBody.read(ctx, JsonNode.class))));
        get(ctx -> ctx.json(service.list(Params.query(ctx, "provider").orElse(null), Params.query(ctx, "agent_id").orElse(null))));
        get("/{phone_number_id}", ctx -> ctx.json(service.get(id(ctx))));
        patch("/{phone_number_id}", ctx -> {
            String id = id(ctx);
            ctx.json(service.update(id, JsonBody.read(ctx, JsonNode.class)));
        });
        delete("/{phone_number_id}", ctx -> {
            service.delete(id(ctx));
            ctx.json(Map.of());
        });
    }

    private static String id(Context ctx) {
        return Params.id(ctx, "phone_number_id", "phone_number_not_found", "Phone number");
    }
}
