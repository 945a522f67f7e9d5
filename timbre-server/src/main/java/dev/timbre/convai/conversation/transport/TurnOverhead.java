package dev.timbre.convai.conversation.transport;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Timbre's own time in an agent turn, measured inside the server and exported at {@code /metrics} as the timer
 * {@code timbre_agent_turn_overhead_seconds} with {@code leg}: {@code in} (the user message arrived on the socket → the
 * LLM request was opened), {@code out} (the LLM's first output arrived → the first reply part was written to the
 * socket) and {@code total} (their sum: the turn's latency minus the time the LLM took). Only turns whose first LLM
 * round answers in text count (a tool round in between would add the tool's time). Histogram buckets from 0.25 ms
 * to 1 s, so that a benchmark can take percentiles from bucket differences. One {@link Turns} per conversation.
 */
public final class TurnOverhead {
    private static final Duration[] BUCKETS = {ms(0.25), ms(0.5), ms(0.75), ms(1), ms(1.5), ms(2), ms(3), ms(4), ms(5),
        ms(7.5), ms(10), ms(15), ms(20), ms(30), ms(50), ms(75), ms(100), ms(200), ms(500), ms(1000)};

    private final Timer in;
    private final Timer out;
    private final Timer total;
    private final VoiceLatency voiceLatency;

    public TurnOverhead(MeterRegistry registry) {
        this.voiceLatency = new VoiceLatency(registry);
        this.in = timer(registry, "in");
        this.out = timer(registry, "out");
        this.total = timer(registry, "total");
    }

    /** Counts into a registry nobody reads (tests). */
    public static TurnOverhead unrecorded() { return new TurnOverhead(new SimpleMeterRegistry()); }

    Turns conversation() { return new Turns(); }

    /** The voice pipeline's stage latencies, in the same registry. */
    VoiceLatency voiceLatency() { return voiceLatency; }

    /** One conversation's turn in progress. The socket thread and the session loop call it: methods are synchronized. */
    final class Turns {
        private long userMessageAt;
        private long requestedAt;
        private long firstOutputAt;
        private int rounds;

        synchronized void userMessage(long nanos) {
            userMessageAt = nanos;
            rounds = 0;
        }

        synchronized void llmFirstOutput(long requestedNanos, long firstOutputNanos) {
            rounds++;
            requestedAt = requestedNanos;
            firstOutputAt = firstOutputNanos;
        }

        /** The first part of a reply has been written at {@code nanos}: records the turn once. */
        synchronized void firstPartSent(long nanos) {
            if (userMessageAt == 0 || rounds != 1 || requestedAt < userMessageAt) return;
            long inNanos = requestedAt - userMessageAt, outNanos = Math.max(0, nanos - firstOutputAt);
            in.record(inNanos, TimeUnit.NANOSECONDS);
            out.record(outNanos, TimeUnit.NANOSECONDS);
            total.record(inNanos + outNanos, TimeUnit.NANOSECONDS);
            userMessageAt = 0;
        }
    }

    private static Timer timer(MeterRegistry registry, String leg) {
        return Timer.builder("timbre.agent.turn.overhead")
                .description("Timbre's own time in an agent turn (user message → LLM request, LLM first output → first reply part)")
                .tag("leg", leg).serviceLevelObjectives(BUCKETS).register(registry);
    }

    private static Duration ms(double millis) { return Duration.ofNanos(Math.round(millis * 1_000_000)); }
}
