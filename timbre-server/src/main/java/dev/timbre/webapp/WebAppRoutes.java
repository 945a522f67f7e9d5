package dev.timbre.webapp;

import static io.javalin.apibuilder.ApiBuilder.get;

import io.javalin.apibuilder.EndpointGroup;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;

/**
 * The web app at {@code /} and the agent widget script at {@code /convai-widget-embed.js} (with the resampler worklet
 * its audio may need, {@code /convai-widget-libsamplerate.worklet.js}): the files
 * {@code web/build.sh} put in the class path under {@code webapp/} (a Vite build of {@code web/}). Public, like
 * {@code /docs}: the pages hold no data; they call the {@code /v1} API with the key the user enters. Hashed files
 * under {@code /assets/} are cached for a year, the rest revalidated. Without a built web app (a build with
 * {@code -Dtimbre.web.skip=true}) {@code GET /} answers 503 with how to build it. Thread-safe.
 */
public final class WebAppRoutes implements EndpointGroup {
    private final WebAppFiles files;

    public WebAppRoutes(WebAppFiles files) {
        this.files = files;
    }

    @Override
    public void addEndpoints() {
        get("", this::index); // mounted at "/": paths here are relative to it
        get("assets/{file}", ctx -> serve(ctx, "assets/" + ctx.pathParam("file"), WebAppFiles.IMMUTABLE));
        // the widget, embedded by other sites, and the resampler worklet its audio needs on some browsers (Firefox)
        for (String script : new String[] {"convai-widget-embed.js", "convai-widget-libsamplerate.worklet.js"}) {
            get(script, ctx -> {
                ctx.header("Access-Control-Allow-Origin", "*"); // loaded by pages of any origin
                serve(ctx, script, WebAppFiles.REVALIDATE);
            });
        }
    }

    private void index(Context ctx) {
        WebAppFiles.File index = files.get("index.html");
        if (index == null) {
            ctx.status(503).contentType("text/html; charset=utf-8").result(NOT_BUILT);
            return;
        }
        ctx.header("X-Frame-Options", "DENY").header("Referrer-Policy", "no-referrer");
        send(ctx, index, WebAppFiles.REVALIDATE);
    }

    private void serve(Context ctx, String name, String cacheControl) {
        WebAppFiles.File file = files.get(name);
        if (file == null) throw new NotFoundResponse("Not found: /" + name);
        send(ctx, file, cacheControl);
    }

    private static void send(Context ctx, WebAppFiles.File file, String cacheControl) {
        ctx.header("Cache-Control", cacheControl).header("ETag", file.etag()).header("X-Content-Type-Options", "nosniff");
        if (file.etag().equals(ctx.header("If-None-Match"))) {
            ctx.status(304);
            return;
        }
        ctx.contentType(file.contentType()).result(file.bytes());
    }

    private static final String NOT_BUILT = """
            <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Timbre</title></head>
            <body><h1>Timbre</h1><p>This server was built without its web app (<code>-Dtimbre.web.skip=true</code>).
            Build it with <code>./timbre build</code> (needs node and npm), or use the <a href="/docs">API</a>.</p></body></html>
            """;
}
