package dev.timbre.apidocs;

import static io.javalin.apibuilder.ApiBuilder.get;

import io.javalin.apibuilder.EndpointGroup;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code GET /openapi.json} (the {@link ServedOpenApi} of the routes this server has, built at the first request) and
 * {@code GET /docs}, a browsable reference: Swagger UI (the {@code org.webjars:swagger-ui} jar, served from the class
 * path under {@code /docs/assets/}) reading {@code /openapi.json}. Public, like {@code /health}: the document says
 * what is served, not what anyone stored. Thread-safe.
 */
public final class ApiDocsRoutes implements EndpointGroup {
    /** The Swagger UI files the page loads; nothing else of the jar is served. */
    static final Map<String, String> ASSETS = Map.of(
            "swagger-ui.css", "text/css; charset=utf-8",
            "swagger-ui-bundle.js", "text/javascript; charset=utf-8",
            "favicon-32x32.png", "image/png");
    /** org.webjars:swagger-ui's version, as pinned in the root pom (ApiDocsApiTest fails when they differ). */
    static final String SWAGGER_UI_VERSION = "5.35.0";
    private static final String WEBJAR = "META-INF/resources/webjars/swagger-ui/" + SWAGGER_UI_VERSION + "/";

    private final Supplier<List<String>> routes;
    private volatile byte[] document;

    /** @param routes the server's routes ({@code "GET /v1/voices"}), asked once, at the first request */
    public ApiDocsRoutes(Supplier<List<String>> routes) {
        this.routes = routes;
    }

    @Override
    public void addEndpoints() {
        get("openapi.json", ctx -> ctx.contentType("application/json").result(document()));
        get("docs", ctx -> ctx.contentType("text/html; charset=utf-8").result(PAGE));
        get("docs/assets/{file}", this::asset);
    }

    private byte[] document() throws IOException {
        byte[] d = document;
        if (d == null) {
            d = dev.timbre.http.Json.MAPPER.writeValueAsBytes(ServedOpenApi.of(ServedOpenApi.specification(), routes.get()));
            document = d;
        }
        return d;
    }

    private void asset(Context ctx) {
        String file = ctx.pathParam("file");
        String type = ASSETS.get(file);
        if (type == null) throw new NotFoundResponse();
        try (InputStream in = ApiDocsRoutes.class.getClassLoader().getResourceAsStream(WEBJAR + file)) {
            if (in == null) throw new NotFoundResponse();
            ctx.header("Cache-Control", "public, max-age=86400").contentType(type).result(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final String PAGE = """
            <!doctype html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <meta name="viewport" content="width=device-width, initial-scale=1">
              <title>Timbre API reference</title>
              <link rel="icon" type="image/png" href="/docs/assets/favicon-32x32.png">
              <link rel="stylesheet" href="/docs/assets/swagger-ui.css">
            </head>
            <body>
              <div id="reference"></div>
              <script src="/docs/assets/swagger-ui-bundle.js"></script>
              <script>
                window.ui = SwaggerUIBundle({ url: '/openapi.json', dom_id: '#reference', deepLinking: true,
                  persistAuthorization: false, tryItOutEnabled: false });
              </script>
            </body>
            </html>
            """;
}
