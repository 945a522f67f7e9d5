package dev.timbre.http;

import dev.timbre.tracing.Tracing;
import io.javalin.http.Context;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import org.slf4j.MDC;

/**
 * One server span per HTTP request, when tracing is on ({@link Tracing#enabled}; otherwise nothing is done): it
 * continues the caller's {@code traceparent} (another Timbre node, a gateway), is current on the handler's thread
 * (so synthesis runs and outbound calls become its children) with its trace id in the logging MDC as
 * {@code trace_id}, and ends when the response is written, named {@code METHOD route} with the status.
 *
 * <p>Threading: {@link #begin} and {@link #leave} run on the request's thread (Javalin before/after handlers); the
 * scope and MDC entry are only undone on the thread that set them. {@link #end} may run on any thread.
 */
final class RequestTracing {
    private static final String ATTRIBUTE = "timbre.trace";

    private record Active(Span span, Scope scope, Thread thread) {}

    private RequestTracing() {}

    static void begin(Context ctx) {
        if (!Tracing.enabled()) return;
        io.opentelemetry.context.Context parent = Tracing.extract(ctx::header);
        Span span = Tracing.tracer().spanBuilder(ctx.method().name()).setParent(parent).setSpanKind(SpanKind.SERVER)
                .setAttribute("http.request.method", ctx.method().name())
                .setAttribute("url.path", ctx.path()).startSpan();
        ctx.attribute(ATTRIBUTE, new Active(span, parent.with(span).makeCurrent(), Thread.currentThread()));
        String traceId = Tracing.traceId(span);
        if (traceId != null) MDC.put("trace_id", traceId);
    }

    /** After the handler (and the after handlers before this one): leaves the span's scope on this thread. */
    static void leave(Context ctx) {
        Active a = ctx.attribute(ATTRIBUTE);
        if (a == null || a.thread() != Thread.currentThread()) return;
        a.scope().close();
        MDC.remove("trace_id");
    }

    /** The request's trace id, or null when it is not traced. */
    static String traceId(Context ctx) {
        Active a = ctx.attribute(ATTRIBUTE);
        return a == null ? null : Tracing.traceId(a.span());
    }

    /** Once the response is written: names and ends the span. */
    static void end(Context ctx, String route, int status) {
        Active a = ctx.attribute(ATTRIBUTE);
        if (a == null) return;
        ctx.attribute(ATTRIBUTE, null);
        leave(ctx);
        a.span().updateName(ctx.method().name() + " " + route);
        a.span().setAttribute("http.route", route);
        a.span().setAttribute("http.response.status_code", (long) status);
        if (status >= 500) a.span().setStatus(StatusCode.ERROR);
        a.span().end();
    }
}
