package dev.timbre.http;

import static io.javalin.apibuilder.ApiBuilder.path;

import dev.timbre.config.TimbreConfig;
import io.javalin.Javalin;
import io.javalin.apibuilder.EndpointGroup;
import io.javalin.http.Context;
import io.javalin.json.JavalinJackson;
import java.util.List;

/**
 * The HTTP server: cross-cutting concerns (request ids, access log, metrics, auth, size limits, error bodies) and
 * the route groups it is given. Routes under {@code /v1} and {@code /v2} need an API key; {@code /health} and
 * {@code /metrics} do not.
 */
public final class ApiServer implements AutoCloseable {

    /** A route group mounted at a path, e.g. {@code mount("/v1/models", modelsRoutes)}. */
    public record Mount(String path, EndpointGroup group) {}

    public static Mount mount(String path, EndpointGroup group) {
        return new Mount(path, group);
    }

    /** Above the longest socket inactivity timeout the API allows (180 s): sockets time themselves out. */
    private static final long WS_IDLE_SECONDS = 200;
    private static final long WS_MAX_TEXT_BYTES = 4L * 1024 * 1024;

    private final Javalin app;

    private ApiServer(Javalin app) {
        this.app = app;
    }

    public static ApiServer start(TimbreConfig config, RequestTracking tracking, ApiKeyAuth auth, List<Mount> mounts) {
        TimbreConfig.Limits limits = config.limits();
        Javalin app = Javalin.create(c -> {
            c.useVirtualThreads = true;
            c.showJavalinBanner = false;
            c.jsonMapper(new JavalinJackson(Json.MAPPER, false));
            c.http.maxRequestSize = limits.maxBodyBytes();
            c.http.defaultContentType = "application/json";
            c.jetty.multipartConfig.maxFileSize(limits.maxUploadBytes(), io.javalin.config.SizeUnit.BYTES);
            c.jetty.multipartConfig.maxTotalRequestSize(limits.maxUploadBytes(), io.javalin.config.SizeUnit.BYTES);
            c.jetty.multipartConfig.maxInMemoryFileSize(1, io.javalin.config.SizeUnit.MB);
            c.bundledPlugins.enableCors(cors -> cors.addRule(rule -> {
                rule.anyHost();
                rule.exposeHeader(RequestTracking.REQUEST_ID);
            }));
            c.jetty.modifyServer(server -> server.setErrorHandler(new JettyErrors()));
            c.jetty.modifyWebSocketServletFactory(ws -> {
                ws.setIdleTimeout(java.time.Duration.ofSeconds(WS_IDLE_SECONDS));
                ws.setMaxTextMessageSize(WS_MAX_TEXT_BYTES); // realtime speech to text: base64 audio chunks
            });
            c.requestLogger.http(tracking::end);
            c.router.apiBuilder(() -> {
                for (Mount m : mounts) path(m.path(), m.group());
            });
        });
        ErrorBodies.install(app);
        app.before(tracking::begin);
        app.after(tracking::leave);
        app.before(ctx -> checkSize(ctx, limits));
        app.before(ApiServer::checkCharset);
        app.before("/v1/*", auth::check);
        app.before("/v2/*", auth::check);
        app.wsBeforeUpgrade("/v1/*", auth::checkUpgrade);
        app.start(config.host(), config.port());
        return new ApiServer(app);
    }

    /** Rejects a declared body over the limit before anything reads it. */
    private static void checkSize(Context ctx, TimbreConfig.Limits limits) {
        long length = ctx.contentLength();
        String type = ctx.contentType();
        boolean multipart = type != null && type.toLowerCase().startsWith("multipart/");
        long max = multipart ? limits.maxUploadBytes() : limits.maxBodyBytes();
        if (length > max) throw ApiException.tooLarge("Request body of " + length + " bytes exceeds the limit of " + max + " bytes");
    }

    /**
     * Rejects a body whose declared charset this JVM cannot decode (e.g. {@code charset=utf-7}) with a 400 before a
     * route reads it; reading it would throw an unchecked charset error deep inside the body parser.
     */
    private static void checkCharset(Context ctx) {
        String charset = ctx.characterEncoding();
        if (charset == null) return;
        boolean known;
        try {
            known = java.nio.charset.Charset.isSupported(charset);
        } catch (java.nio.charset.IllegalCharsetNameException e) {
            known = false;
        }
        if (!known) throw ApiException.badRequest("invalid_content_type", "Unsupported charset in Content-Type: " + charset);
    }

    /**
     * Every routed endpoint as {@code "METHOD /path/{param}"}, WebSockets as {@code "WS /path"}, for the coverage report,
     * the key scopes and {@code /openapi.json}. Groups mounted at {@code "/"} register as {@code "//health"} (requests
     * match either way); the list names them as requested, {@code "/health"}.
     */
    public List<String> routes() {
        var http = app.unsafeConfig().pvt.internalRouter.allHttpHandlers().stream()
                .filter(e -> e.getEndpoint().getMethod().isHttpMethod() && !e.getEndpoint().getMethod().name().equals("OPTIONS"))
                .map(e -> e.getEndpoint().getMethod().name() + " " + e.getEndpoint().getPath().replaceAll("/{2,}", "/"));
        var ws = app.unsafeConfig().pvt.wsRouter.getWsPathMatcher().allEntries().stream()
                .filter(e -> e.getType() == io.javalin.websocket.WsHandlerType.WEBSOCKET)
                .map(e -> "WS " + e.getPath().replaceAll("/{2,}", "/"));
        return java.util.stream.Stream.concat(http, ws).distinct().sorted().toList();
    }

    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
    }
}
