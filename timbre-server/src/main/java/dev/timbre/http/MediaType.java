package dev.timbre.http;

import io.javalin.http.Context;

/** Response media types for binary bodies (audio, zip). */
public final class MediaType {
    private MediaType() {}

    /**
     * Sets the response's content type exactly as given. Javalin sets a UTF-8 response encoding, which Jetty would
     * append to any content type ({@code audio/mpeg;charset=utf-8}); it is cleared first.
     */
    public static void set(Context ctx, String type) {
        ctx.res().setCharacterEncoding(null);
        ctx.res().setContentType(type);
    }
}
