package dev.timbre.user;

import static io.javalin.apibuilder.ApiBuilder.get;

import dev.timbre.http.ApiException;
import dev.timbre.http.Params;
import io.javalin.apibuilder.EndpointGroup;
import io.javalin.http.Context;
import java.util.Set;

/** {@code /v1/usage/character-stats}: characters (or charges) over time, broken down as asked. */
public final class UsageRoutes implements EndpointGroup {
    private static final Set<String> INTERVALS = Set.of("hour", "day", "week", "month", "cumulative");
    private static final Set<String> BREAKDOWNS = Set.of("none", "voice", "voice_multiplier", "user", "groups", "api_keys", "all_api_keys",
            "product_type", "model", "resource", "request_queue", "region", "subresource_id", "reporting_workspace_id", "has_api_key");
    private static final Set<String> METRICS = Set.of("credits", "minutes_used", "request_count", "ttfb_avg", "ttfb_p95",
            "fiat_units_spent", "concurrency", "concurrency_average");
    private final CharacterStats stats;

    public UsageRoutes(CharacterStats stats) {
        this.stats = stats;
    }

    @Override
    public void addEndpoints() {
        get("/character-stats", ctx -> ctx.json(stats.query(query(ctx))));
    }

    private static CharacterStats.Query query(Context ctx) {
        long start = Params.queryLong(ctx, "start_unix").orElseThrow(() -> ApiException.invalid("Field required", "missing", "query", "start_unix"));
        long end = Params.queryLong(ctx, "end_unix").orElseThrow(() -> ApiException.invalid("Field required", "missing", "query", "end_unix"));
        boolean workspace = Params.queryBool(ctx, "include_workspace_metrics", false);
        String breakdown = Params.queryEnum(ctx, "breakdown_type", BREAKDOWNS).orElse("none");
        String interval = Params.queryEnum(ctx, "aggregation_interval", INTERVALS).orElse("day");
        Long bucket = Params.queryLong(ctx, "aggregation_bucket_size").orElse(null);
        if (bucket != null && (bucket < 1 || bucket > 100L * 365 * 86_400)) {
            throw ApiException.invalid("Input should be between 1 and 3153600000 seconds", "value_error", "query", "aggregation_bucket_size");
        }
        String metric = Params.queryEnum(ctx, "metric", METRICS).orElse("credits");
        if (!metric.equals("credits") && !metric.equals("request_count")) {
            throw ApiException.invalid("metric '" + metric + "' is not recorded on this server; use 'credits' or 'request_count'", "value_error", "query", "metric");
        }
        return new CharacterStats.Query(start, end, workspace, breakdown, interval, bucket, metric);
    }
}
