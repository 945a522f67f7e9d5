package dev.timbre.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.timbre.speech.SpeechException;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns every failure into an ElevenLabs error body. Anything unexpected is a logged 500 with no internals. */
public final class ErrorBodies {
    private static final Logger log = LoggerFactory.getLogger(ErrorBodies.class);

    private ErrorBodies() {}

    public static void install(Javalin app) {
        app.exception(ApiException.class, (e, ctx) -> write(ctx, e));
        app.exception(SpeechException.class, (e, ctx) -> write(ctx, SpeechErrors.of(e)));
        app.exception(InterruptedException.class, (e, ctx) -> write(ctx, SpeechErrors.interrupted()));
        app.exception(JsonProcessingException.class, (e, ctx) -> write(ctx, fromJackson(e)));
        app.exception(HttpResponseException.class, (e, ctx) -> write(ctx, fromJavalin(e)));
        app.exception(Exception.class, (e, ctx) -> {
            ApiException cause = causeOf(e);
            if (cause != null) {
                write(ctx, cause);
                return;
            }
            log.error("request {} {} failed", ctx.method(), ctx.path(), e);
            write(ctx, new ApiException(500, "internal_error", "An internal error occurred. Request id: " + ctx.res().getHeader(RequestTracking.REQUEST_ID)));
        });
        app.error(404, ctx -> {
            if (ctx.result() == null && ctx.resultInputStream() == null) {
                write(ctx, ApiException.notFound("not_found", "No route for " + ctx.method() + " " + ctx.path()));
            }
        });
        app.error(405, ctx -> write(ctx, new ApiException(405, "method_not_allowed", "Method " + ctx.method() + " is not allowed on " + ctx.path())));
    }

    /** Writes an error body in another API's shape; see {@link #useShape}. */
    public interface Shape {
        void write(Context ctx, ApiException e);
    }

    private static final String SHAPE = "timbre.error-shape";

    /**
     * Makes every error of this request, auth and body parsing included, use {@code shape} instead of the ElevenLabs
     * body. Routes of another API (the OpenAI alias) call it in a {@code before} handler of their own path.
     */
    public static void useShape(Context ctx, Shape shape) {
        ctx.attribute(SHAPE, shape);
    }

    public static void write(Context ctx, ApiException e) {
        Shape shape = ctx.attribute(SHAPE);
        if (shape != null) {
            shape.write(ctx, e);
            return;
        }
        Object detail = e.isValidation() ? e.violations() : Map.of("status", e.code(), "message", e.getMessage());
        if (e.retryAfterSeconds() != null) ctx.header("Retry-After", Integer.toString(e.retryAfterSeconds()));
        ctx.status(e.status()).contentType("application/json").result(Json.write(Map.of("detail", detail)));
    }

    private static ApiException causeOf(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ApiException a) return a;
            if (t instanceof JsonProcessingException j) return fromJackson(j);
        }
        return null;
    }

    private static ApiException fromJavalin(HttpResponseException e) {
        return switch (e.getStatus()) {
            case 413 -> ApiException.tooLarge("Request body is too large");
            case 404 -> ApiException.notFound("not_found", e.getMessage());
            case 401 -> ApiException.unauthorized("invalid_api_key", e.getMessage());
            default -> new ApiException(e.getStatus() >= 500 ? 400 : e.getStatus(), "bad_request", e.getMessage());
        };
    }

    /** Malformed JSON or a field of the wrong type: a 422 whose {@code loc} points into the body. */
    static ApiException fromJackson(JsonProcessingException e) {
        List<Object> loc = new ArrayList<>();
        loc.add("body");
        if (e instanceof JsonMappingException m) {
            for (JsonMappingException.Reference r : m.getPath()) loc.add(r.getFieldName() != null ? r.getFieldName() : r.getIndex());
        }
        String type = e instanceof InvalidFormatException || e instanceof MismatchedInputException ? "type_error" : "json_invalid";
        if (!(e instanceof JsonMappingException)) type = "json_invalid";
        String msg = e.getOriginalMessage();
        if (msg != null && msg.length() > 300) msg = msg.substring(0, 300);
        return ApiException.validation(List.of(new ApiException.Violation(loc, msg, type)));
    }
}
