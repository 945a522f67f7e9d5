/**
 * OpenTelemetry traces: {@link dev.timbre.tracing.Tracing} (the process's tracer, W3C propagation) and the
 * {@code OTEL_*} settings it reads. Off unless configured: then every span is a no-op and nothing is exported.
 * Traced elsewhere: HTTP requests as server spans ({@code http.RequestTracking}, which continues an incoming
 * {@code traceparent} and puts {@code trace_id} in the logging MDC), synthesis runs ({@code speech.SpeechRun}),
 * voice turns ({@code convai.conversation.transport.VoiceLatency}), outbound HTTP as client spans carrying
 * {@code traceparent} ({@code outbound.OutboundHttp}, {@code webhooks.WebhookSender}). Depends on nothing of Timbre's.
 */
package dev.timbre.tracing;
