package dev.timbre.convai.conversation.transport;

import dev.timbre.agent.voice.TurnLatency;
import dev.timbre.tracing.Tracing;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * A voice conversation's turns as trace spans ({@code voice.turn}), each the root of its own trace and the parent of
 * what the turn starts. {@link #started} (the user's speech ended) opens the span, back-dated to the turn's last
 * voiced audio; from then until the next turn starts, {@link #around} runs each session-loop task under it, so the
 * LLM requests (their client spans, through {@code OutboundTrace.carrying} on the stream thread) and the syntheses
 * ({@code speech.synthesize}, carried to the speech thread; under it an engine node's HTTP call, with
 * {@code traceparent}) the loop starts are its children. {@link #measured} ends it at the last stage the turn
 * reached (normally its first audio sent), with one event per stage ({@code vad_end}, {@code transcript_final},
 * {@code llm_first_token}, {@code tts_first_audio}, {@code first_audio_sent}) and their offsets in ms as attributes;
 * children may end after it. A turn measured without having started (tracing turned on mid-turn) is written then,
 * back-dated by its stages' offsets. A turn that is never measured ends when the next starts or at {@link #close}.
 * A speculative reply started before the end of the user's speech belongs to the previous turn.
 *
 * <p>Threading: {@link #started}, {@link #measured}, {@link #close} and {@link #around} on the session's loop (one at a
 * time); the fields are volatile for a close from the transport's thread. Does nothing while tracing is off.
 */
final class VoiceTurnTrace {
    private final String conversationId;
    /** The turn's span while it is open (started, not yet measured). */
    private volatile Span open;
    private volatile long openStartMicros;
    /** The context of the latest turn: what loop tasks run under until the next turn starts; root before the first. */
    private volatile Context turn = Context.root();

    VoiceTurnTrace(String conversationId) {
        this.conversationId = conversationId;
    }

    /** The user's turn ended {@code vadEndMs} after its last voiced audio: its span opens, starting at that audio. */
    void started(long vadEndMs) {
        if (!Tracing.enabled()) return;
        endOpen();
        long start = nowMicros() - TimeUnit.MILLISECONDS.toMicros(Math.max(0, vadEndMs));
        Span span = builder(start).startSpan();
        openStartMicros = start;
        open = span;
        turn = Context.root().with(span);
    }

    /** The turn's stages: added to its open span, which ends now (or a back-dated span when none is open). */
    void measured(TurnLatency latency) {
        if (!Tracing.enabled()) return;
        long end = nowMicros();
        Span span = open;
        long start = openStartMicros;
        open = null;
        if (span == null) {
            start = end - TimeUnit.MILLISECONDS.toMicros(last(latency));
            span = builder(start).startSpan();
        }
        span.setAttribute("timbre.agent_event_id", (long) latency.agentEventId());
        stage(span, "vad_end", latency.vadEndMs(), start);
        stage(span, "transcript_final", latency.transcriptFinalMs(), start);
        stage(span, "llm_first_token", latency.llmFirstTokenMs(), start);
        stage(span, "tts_first_audio", latency.ttsFirstAudioMs(), start);
        stage(span, "first_audio_sent", latency.firstAudioSentMs(), start);
        span.end(end, TimeUnit.MICROSECONDS);
    }

    /** {@code task} under the latest turn's span (itself before the first turn, or while tracing is off). */
    Runnable around(Runnable task) {
        Context c = turn;
        return c == Context.root() ? task : c.wrap(task);
    }

    /** The conversation ended: a turn still open ends now. */
    void close() {
        endOpen();
        turn = Context.root();
    }

    private void endOpen() {
        Span span = open;
        open = null;
        if (span != null) span.setAttribute("timbre.voice.measured", false).end();
    }

    private io.opentelemetry.api.trace.SpanBuilder builder(long startMicros) {
        return Tracing.tracer().spanBuilder("voice.turn").setSpanKind(SpanKind.INTERNAL).setNoParent()
                .setStartTimestamp(startMicros, TimeUnit.MICROSECONDS)
                .setAttribute("timbre.conversation_id", conversationId);
    }

    private static void stage(Span span, String name, Long ms, long startMicros) {
        if (ms == null) return;
        span.setAttribute("timbre.voice." + name + "_ms", ms);
        span.addEvent(name, Instant.ofEpochSecond(0, TimeUnit.MICROSECONDS.toNanos(startMicros + TimeUnit.MILLISECONDS.toMicros(ms))));
    }

    private static long nowMicros() {
        Instant now = Instant.now();
        return TimeUnit.SECONDS.toMicros(now.getEpochSecond()) + now.getNano() / 1000;
    }

    private static long last(TurnLatency t) {
        long m = 0;
        for (Long v : new Long[] {t.vadEndMs(), t.transcriptFinalMs(), t.llmFirstTokenMs(), t.ttsFirstAudioMs(), t.firstAudioSentMs()}) {
            if (v != null) m = Math.max(m, v);
        }
        return m;
    }
}
