package dev.timbre.convai.conversation.transport;

import dev.timbre.agent.voice.TurnLatency;
import dev.timbre.tracing.Tracing;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * A voice turn as one trace span ({@code voice.turn}): from the end of the user's speech to the last stage the turn
 * reached (normally its first audio sent), with one event per stage ({@code vad_end}, {@code transcript_final},
 * {@code llm_first_token}, {@code tts_first_audio}, {@code first_audio_sent}) and their offsets in ms as attributes.
 * The span is written when the turn is measured, back-dated from the wall clock by the stages' offsets (the loop's
 * clock only gives offsets). Stateless, thread-safe; does nothing while tracing is off.
 */
final class VoiceTurnTrace {
    private VoiceTurnTrace() {}

    static void record(String conversationId, TurnLatency turn) {
        if (!Tracing.enabled()) return;
        long last = max(turn.vadEndMs(), turn.transcriptFinalMs(), turn.llmFirstTokenMs(), turn.ttsFirstAudioMs(), turn.firstAudioSentMs());
        long endMicros = TimeUnit.MILLISECONDS.toMicros(System.currentTimeMillis());
        long startMicros = endMicros - TimeUnit.MILLISECONDS.toMicros(last);
        Span span = Tracing.tracer().spanBuilder("voice.turn").setSpanKind(SpanKind.INTERNAL).setNoParent()
                .setStartTimestamp(startMicros, TimeUnit.MICROSECONDS)
                .setAttribute("timbre.conversation_id", conversationId)
                .setAttribute("timbre.agent_event_id", (long) turn.agentEventId()).startSpan();
        stage(span, "vad_end", turn.vadEndMs(), startMicros);
        stage(span, "transcript_final", turn.transcriptFinalMs(), startMicros);
        stage(span, "llm_first_token", turn.llmFirstTokenMs(), startMicros);
        stage(span, "tts_first_audio", turn.ttsFirstAudioMs(), startMicros);
        stage(span, "first_audio_sent", turn.firstAudioSentMs(), startMicros);
        span.end(endMicros, TimeUnit.MICROSECONDS);
    }

    private static void stage(Span span, String name, Long ms, long startMicros) {
        if (ms == null) return;
        span.setAttribute("timbre.voice." + name + "_ms", ms);
        span.addEvent(name, Instant.ofEpochSecond(0, TimeUnit.MICROSECONDS.toNanos(startMicros + TimeUnit.MILLISECONDS.toMicros(ms))));
    }

    private static long max(Long... values) {
        long m = 0;
        for (Long v : values) if (v != null) m = Math.max(m, v);
        return m;
    }
}
