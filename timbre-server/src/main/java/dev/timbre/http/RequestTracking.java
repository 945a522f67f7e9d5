package dev.timbre.http;

import dev.timbre.common.Ids;
import io.javalin.http.Context;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Gives every request an {@code x-request-id}, writes one access-log line, records route metrics and, when tracing
 * is on, a server span ({@link RequestTracing}).
 */
public final class RequestTracking {
    public static final String REQUEST_ID = "x-request-id";
    private static final Logger access = LoggerFactory.getLogger("timbre.access");

    private final MeterRegistry registry;

    public RequestTracking(MeterRegistry registry) {
        this.registry = registry;
    }

    public void begin(Context ctx) {
        ctx.header(REQUEST_ID, Ids.random(24));
        RequestTracing.begin(ctx);
    }

    /** Javalin after handler: the request's trace stops being current on this thread. */
    public void leave(Context ctx) {
        RequestTracing.leave(ctx);
    }

    /** Called by Javalin once the response is written; {@code ms} is the handling time. */
    public void end(Context ctx, float ms) {
        String route = route(ctx);
        int status = ctx.statusCode();
        String traceId = RequestTracing.traceId(ctx);
        if (traceId != null) MDC.put("trace_id", traceId);
        access.info("{} {} {} route={} status={} ms={}", ctx.res().getHeader(REQUEST_ID), ctx.method(), ctx.path(), route, status, Math.round(ms));
        if (traceId != null) MDC.remove("trace_id");
        RequestTracing.end(ctx, route, status);
        Timer.builder("timbre.http.requests")
                .description("HTTP requests by route")
                .tag("method", ctx.method().name())
                .tag("route", route)
                .tag("status", Integer.toString(status))
                .publishPercentileHistogram(false)
                .register(registry)
                .record((long) (ms * 1000), TimeUnit.MICROSECONDS);
    }

    /** The matched route template, so that metrics are by route and not by id; unmatched requests share one tag. */
    private static String route(Context ctx) {
        String path = ctx.endpointHandlerPath();
        return path == null || path.equals("*") || path.isEmpty() ? "unmatched" : path.replaceAll("/{2,}", "/");
    }
}
