package dev.timbre.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.javalin.http.Context;

/** Reads a JSON request body into a record; malformed or mistyped input becomes a 422. */
public final class JsonBody {
    private JsonBody() {}

    public static <T> T read(Context ctx, Class<T> type) {
        String body = ctx.body();
        if (body.isBlank()) throw ApiException.invalid("Field required", "missing", "body");
        try {
            T value = Json.MAPPER.readValue(body, type);
            if (value == null) throw ApiException.invalid("Input should be a valid dictionary", "dict_type", "body");
            return value;
        } catch (JsonProcessingException e) {
            throw ErrorBodies.fromJackson(e);
        }
    }
}
