package dev.timbre.openai;

import dev.timbre.http.ApiException;
import dev.timbre.http.Json;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * OpenAI's error body, which the OpenAI SDKs parse: {@code {"error":{"message","type","param","code"}}}. Validation
 * errors (ElevenLabs' 422) become 400 with {@code param} the offending body field and {@code code} null; other errors
 * keep their status, {@code param} names the field they concern ({@code voice}, {@code model}) and {@code code} is the
 * ElevenLabs status code ({@code voice_not_found}, {@code invalid_api_key}…).
 */
public final class OpenAiErrors {
    private OpenAiErrors() {}

    /** A 400 about one body field. */
    public static ApiException invalid(String param, String message) {
        return ApiException.invalid(message, "value_error", "body", param);
    }

    public static void write(Context ctx, ApiException e) {
        int status = e.isValidation() ? 400 : e.status();
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("message", e.getMessage());
        error.put("type", status >= 500 ? "server_error" : "invalid_request_error");
        error.put("param", e.isValidation() ? param(e.violations().get(0).loc()) : param(e.code()));
        error.put("code", e.isValidation() ? null : e.code());
        ctx.status(status).contentType("application/json").result(Json.write(Map.of("error", error)));
    }

    /** The field a violation points at: the first name after {@code "body"}; null for the body as a whole. */
    private static String param(List<Object> loc) {
        return loc.size() > 1 && loc.get(1) instanceof String s ? s : null;
    }

    private static String param(String code) {
        if (code == null) return null;
        if (code.startsWith("voice_")) return "voice";
        if (code.startsWith("model_")) return "model";
        if (code.endsWith("_language")) return "language";
        return null;
    }
}
