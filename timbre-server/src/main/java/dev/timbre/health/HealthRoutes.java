package dev.timbre.health;

import static io.javalin.apibuilder.ApiBuilder.get;

import dev.timbre.db.Database;
import dev.timbre.engines.EngineCatalog;
import io.javalin.apibuilder.EndpointGroup;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Map;

/** {@code GET /health} (200 once engines are loaded and the database answers, else 503) and {@code GET /metrics}. */
public final class HealthRoutes implements EndpointGroup {
    private final EngineCatalog engines;
    private final Database database;
    private final PrometheusMeterRegistry registry;

    public HealthRoutes(EngineCatalog engines, Database database, PrometheusMeterRegistry registry) {
        this.engines = engines;
        this.database = database;
        this.registry = registry;
    }

    @Override
    public void addEndpoints() {
        get("health", ctx -> {
            boolean db = database.healthy();
            String status = engines.failed() ? "engines_failed" : !engines.ready() ? "loading" : !db ? "database_unavailable" : "ok";
            ctx.status(status.equals("ok") ? 200 : 503).json(Map.of("status", status, "engines_loaded", engines.ready(), "database", db));
        });
        get("metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(registry.scrape()));
    }
}
