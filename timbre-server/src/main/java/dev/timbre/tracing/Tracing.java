package dev.timbre.tracing;

import dev.timbre.engine.OutboundTrace;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * This process's OpenTelemetry tracer. {@link #start} builds the SDK with an OTLP/HTTP exporter only when the
 * standard {@code OTEL_*} variables ask for it ({@link TracingSettings}); otherwise nothing is installed and every
 * span is OpenTelemetry's no-op one (no allocation of recorded data, no thread, no network).
 *
 * <p>One tracer per process, reached statically ({@link #tracer}) so that every layer (HTTP, speech, outbound
 * clients) traces without being handed it: the last installed {@code Tracing} wins until it is closed. Propagation is
 * W3C {@code traceparent}/{@code tracestate} only; engines' own HTTP clients are reached through timbre-core's
 * {@link OutboundTrace} hook, installed here while tracing is on. Thread-safe. {@code Timbre} starts it and closes it last (closing
 * flushes the spans still queued, at most the exporter's timeout).
 */
public final class Tracing implements AutoCloseable {
    private static final Tracer NOOP_TRACER = OpenTelemetry.noop().getTracer("timbre");
    private static volatile Tracing current;

    private final SdkTracerProvider provider;
    private final Tracer tracer;
    private final EngineCallTracing engineCalls;

    private Tracing(SdkTracerProvider provider) {
        this.provider = provider;
        this.tracer = provider == null ? NOOP_TRACER : provider.get("dev.timbre");
        this.engineCalls = provider == null ? null : new EngineCallTracing(tracer);
    }

    /** Starts and installs the exporter the environment configures, or returns a no-op that installs nothing. */
    public static Tracing start(Map<String, String> env) {
        TracingSettings settings = TracingSettings.fromEnv(env);
        if (settings == null) return new Tracing(null);
        return install(settings.serviceName(), BatchSpanProcessor.builder(settings.exporter()).build());
    }

    /** Installs a tracer exporting each span as it ends to {@code exporter} (tests: the SDK's in-memory exporter). */
    public static Tracing exportingTo(SpanExporter exporter) {
        return install("timbre", SimpleSpanProcessor.create(exporter));
    }

    private static Tracing install(String serviceName, io.opentelemetry.sdk.trace.SpanProcessor processor) {
        SdkTracerProvider provider = SdkTracerProvider.builder()
                .setResource(Resource.getDefault().merge(Resource.create(
                        Attributes.of(AttributeKey.stringKey("service.name"), serviceName))))
                .setSampler(Sampler.parentBased(Sampler.alwaysOn()))
                .addSpanProcessor(processor).build();
        Tracing t = new Tracing(provider);
        current = t;
        OutboundTrace.install(t.engineCalls);
        return t;
    }

    /** Whether spans are recorded and exported at all; callers skip their tracing work when not. */
    public static boolean enabled() {
        return current != null;
    }

    public static Tracer tracer() {
        Tracing t = current;
        return t == null ? NOOP_TRACER : t.tracer;
    }

    /** Starts a span of {@code kind} under the current context (the caller ends it). */
    public static Span span(String name, SpanKind kind) {
        return tracer().spanBuilder(name).setSpanKind(kind).startSpan();
    }

    /** {@code work} run under the context current now, on whatever thread runs it; {@code work} itself while tracing is off. */
    public static Runnable carrying(Runnable work) {
        return enabled() ? Context.current().wrap(work) : work;
    }

    /** Writes {@code traceparent} (and {@code tracestate}) of {@code context} as headers; nothing for an invalid one. */
    public static void inject(Context context, BiConsumer<String, String> header) {
        if (!Span.fromContext(context).getSpanContext().isValid()) return;
        W3CTraceContextPropagator.getInstance().inject(context, header, (h, k, v) -> h.accept(k, v));
    }

    /** The remote parent an incoming request names in {@code traceparent}, or the root context. */
    public static Context extract(Function<String, String> header) {
        return W3CTraceContextPropagator.getInstance().extract(Context.root(), header, new TextMapGetter<>() {
            @Override
            public Iterable<String> keys(Function<String, String> carrier) {
                return List.of("traceparent", "tracestate");
            }

            @Override
            public String get(Function<String, String> carrier, String key) {
                return carrier == null ? null : carrier.apply(key);
            }
        });
    }

    /** The trace id of {@code span}, or null when it is not recorded (for logs' {@code trace_id}). */
    public static String traceId(Span span) {
        SpanContext c = span.getSpanContext();
        return c.isValid() ? c.getTraceId() : null;
    }

    /** Flushes what is queued and stops exporting; this process goes back to no-op spans. Idempotent. */
    @Override
    public void close() {
        if (provider == null) return;
        if (current == this) current = null;
        OutboundTrace.uninstall(engineCalls);
        provider.close();
    }
}
