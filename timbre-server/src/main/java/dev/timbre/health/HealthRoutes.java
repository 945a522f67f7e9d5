package dev.timbre.health;

import static io.javalin.apibuilder.ApiBuilder.get;

import dev.timbre.db.Database;
import dev.timbre.engines.EngineCatalog;
import io.javalin.apibuilder.EndpointGroup;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Map;

/**
 * {@code GET /health} (200 once engines are loaded and the database answers, else 503), {@code GET /health/live}
 * (200 while the process serves HTTP: a liveness probe), {@code GET /health/ready} (as {@code /health}, and 503
 * {@code draining} once the server is shutting down: a readiness probe) and {@code GET /metrics}.
 */
public final class HealthRoutes implements EndpointGroup {
    private final EngineCatalog engines;
    private final Database database;
    private final PrometheusMeterRegistry registry;
    private final java.util.function.BooleanSupplier draining;

    public HealthRoutes(EngineCatalog engines, Database database, PrometheusMeterRegistry registry,
                        java.util.function.BooleanSupplier draining) {
        this.engines = engines;
        this.database = database;
        this.registry = registry;
        this.draining = draining;
    }

    @Override
    public void addEndpoints() {
        get("health", ctx -> health(ctx, false));
        get("health/ready", ctx -> health(ctx, true));
        get("health/live", ctx -> ctx.json(Map.of("status", "alive")));
        get("metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(registry.scrape()));
    }

    private void health(io.javalin.http.Context ctx, boolean readiness) {
        boolean db = database.healthy();
        String status = engines.failed() ? "engines_failed" : !engines.ready() ? "loading" : !db ? "database_unavailable"
                : readiness && draining.getAsBoolean() ? "draining" : "ok";
        ctx.status(status.equals("ok") ? 200 : 503).json(Map.of("status", status, "engines_loaded", engines.ready(), "database", db));
    }
}
