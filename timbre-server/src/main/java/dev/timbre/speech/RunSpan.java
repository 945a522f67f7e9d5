package dev.timbre.speech;

import dev.timbre.tracing.Tracing;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The trace span of one {@link SpeechRun} ({@code speech.synthesize}), a child of whatever span is current where the
 * run is opened (the HTTP request, the conversation turn): engine, voice, characters, segments, and the time to the
 * first audio ({@code timbre.speech.first_audio_ms}, also an event); made current while an engine stream opens
 * ({@link #current}), so an engine's HTTP calls (an engine node's synthesis) are its children. The time to the first
 * audio also goes to {@link SpeechMetrics}, traced or not; the span does nothing while tracing is off. The first-audio
 * mark comes from the pulling thread; {@link #end} from any thread, once.
 */
final class RunSpan {
    private final Span span;
    private final SpeechMetrics metrics;
    private final String engine;
    private final long startNanos = System.nanoTime();
    private final AtomicBoolean ended = new AtomicBoolean();
    private boolean audio;

    RunSpan(SpeechScript script, SpeechMetrics metrics) {
        this.metrics = metrics;
        SpeechScript.Segment first = script.segments().stream().filter(s -> !s.isSilent()).findFirst().orElse(null);
        this.engine = first == null ? "none" : first.engine().info().provider();
        if (!Tracing.enabled()) {
            span = Span.getInvalid();
            return;
        }
        long characters = script.segments().stream().mapToLong(s -> s.text().original().length()).sum();
        span = Tracing.tracer().spanBuilder("speech.synthesize").setSpanKind(SpanKind.INTERNAL)
                .setAttribute("timbre.speech.engine", engine)
                .setAttribute("timbre.speech.voice", first == null ? "" : String.valueOf(first.request().voiceId()))
                .setAttribute("timbre.speech.characters", characters)
                .setAttribute("timbre.speech.segments", (long) script.segments().size())
                .startSpan();
    }

    /** Makes this span current on the calling thread until the scope closes (nothing while tracing is off). */
    Scope current() {
        return span.isRecording() ? span.makeCurrent() : Scope.noop();
    }

    void chunk(SpeechChunk c) {
        if (audio || c.audio().length == 0) return;
        audio = true;
        long nanos = System.nanoTime() - startNanos;
        metrics.firstAudio(engine, nanos);
        if (!span.isRecording()) return;
        span.setAttribute("timbre.speech.first_audio_ms", nanos / 1_000_000);
        span.addEvent("first_audio");
    }

    void failed(Throwable t) {
        if (!span.isRecording()) return;
        span.recordException(t);
        span.setStatus(StatusCode.ERROR);
    }

    void end(double seconds) {
        if (!ended.compareAndSet(false, true) || !span.isRecording()) return;
        span.setAttribute("timbre.speech.audio_seconds", seconds);
        span.end();
    }
}
