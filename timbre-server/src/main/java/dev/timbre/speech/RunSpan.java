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
 * ({@link #current}), so an engine's HTTP calls (an engine node's synthesis) are its children. Does nothing while
 * tracing is off. The first-audio
 * mark comes from the pulling thread; {@link #end} from any thread, once.
 */
final class RunSpan {
    private final Span span;
    private final long startNanos = System.nanoTime();
    private final AtomicBoolean ended = new AtomicBoolean();
    private boolean audio;

    RunSpan(SpeechScript script) {
        if (!Tracing.enabled()) {
            span = Span.getInvalid();
            return;
        }
        SpeechScript.Segment first = script.segments().stream().filter(s -> !s.isSilent()).findFirst().orElse(null);
        long characters = script.segments().stream().mapToLong(s -> s.text().original().length()).sum();
        span = Tracing.tracer().spanBuilder("speech.synthesize").setSpanKind(SpanKind.INTERNAL)
                .setAttribute("timbre.speech.engine", first == null ? "none" : first.engine().info().provider())
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
        if (audio || c.audio().length == 0 || !span.isRecording()) return;
        audio = true;
        span.setAttribute("timbre.speech.first_audio_ms", (System.nanoTime() - startNanos) / 1_000_000);
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
