/**
 * OpenTelemetry traces: {@link dev.timbre.tracing.Tracing} (the process's tracer, W3C propagation) and the
 * {@code OTEL_*} settings it reads. Off unless configured: then every span is a no-op and nothing is exported.
 * Traced elsewhere: HTTP requests as server spans ({@code http.RequestTracking}, which continues an incoming
 * {@code traceparent} and puts {@code trace_id} in the logging MDC), synthesis runs ({@code speech.SpeechRun}, current
 * while its engine stream opens), voice turns ({@code convai.conversation.transport.VoiceTurnTrace}: the parent of the
 * turn's LLM requests and syntheses, through the session loop's task wrapper), outbound HTTP as client spans carrying
 * {@code traceparent} ({@code outbound.OutboundHttp}, {@code webhooks.WebhookSender}, and engines' own clients through
 * {@code EngineCallTracing}). {@link dev.timbre.tracing.Tracing#carrying} and {@code OutboundTrace.carrying} hand the
 * current context to another thread (a speech thread, an engine's stream thread), so a voice turn is one trace:
 * {@code voice.turn} → LLM client span, {@code voice.turn} → {@code speech.synthesize} → engine node HTTP (→ the
 * node's server span). Depends on nothing of Timbre's.
 */
package dev.timbre.tracing;
