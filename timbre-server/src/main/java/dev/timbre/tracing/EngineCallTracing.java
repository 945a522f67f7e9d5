package dev.timbre.tracing;

import dev.timbre.engine.OutboundTrace;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@link OutboundTrace} hook {@link Tracing} installs while it is on: engines' own HTTP calls (LLM providers,
 * remote speech and embedding servers) become client spans under the calling thread's current trace (a root span on
 * an engine's worker thread that was started without {@link #carry}) and send its {@code traceparent}; {@link #carry}
 * hands the caller's context to the stream threads engines start ({@code ThreadedSpeechStream},
 * {@code ThreadedChatStream}). Thread-safe.
 */
final class EngineCallTracing implements OutboundTrace.Hook {
    private final io.opentelemetry.api.trace.Tracer tracer;

    EngineCallTracing(io.opentelemetry.api.trace.Tracer tracer) {
        this.tracer = tracer;
    }

    /** {@code work} under the context current now (OpenTelemetry's {@code Context.wrap}). */
    @Override
    public Runnable carry(Runnable work) {
        return Context.current().wrap(work);
    }

    @Override
    public OutboundTrace.Call start(String method, URI uri) {
        Span span = tracer.spanBuilder(method).setSpanKind(SpanKind.CLIENT)
                .setAttribute("http.request.method", method)
                .setAttribute("server.address", String.valueOf(uri.getHost())).startSpan();
        Map<String, String> headers = new LinkedHashMap<>();
        Tracing.inject(Context.current().with(span), headers::put);
        return new OutboundTrace.Call() {
            @Override
            public Map<String, String> headers() {
                return headers;
            }

            @Override
            public void finished(int status, Throwable error) {
                if (status >= 0) span.setAttribute("http.response.status_code", (long) status);
                if (error != null || status >= 500) span.setStatus(StatusCode.ERROR);
                span.end();
            }
        };
    }
}
