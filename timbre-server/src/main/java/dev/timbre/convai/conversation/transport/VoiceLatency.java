package dev.timbre.convai.conversation.transport;

import dev.timbre.agent.voice.TurnLatency;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The voice pipeline's latency per turn, exported at {@code /metrics} as the timer
 * {@code timbre_agent_voice_latency_seconds} with {@code stage}: {@code vad_end}, {@code transcript_final},
 * {@code llm_first_token}, {@code tts_first_audio}, {@code first_audio_sent} — each the time from the end of the
 * user's last voiced frame to that stage (so they grow along the pipeline). Stages a turn did not reach are not
 * observed. Histogram buckets from 10 ms to 10 s. Thread-safe (Micrometer timers are).
 */
final class VoiceLatency {
    private static final Duration[] BUCKETS = {ms(10), ms(25), ms(50), ms(75), ms(100), ms(150), ms(200), ms(300), ms(400),
        ms(500), ms(750), ms(1000), ms(1500), ms(2000), ms(3000), ms(5000), ms(10000)};

    private final Timer vadEnd;
    private final Timer transcriptFinal;
    private final Timer llmFirstToken;
    private final Timer ttsFirstAudio;
    private final Timer firstAudioSent;

    VoiceLatency(MeterRegistry registry) {
        vadEnd = timer(registry, "vad_end");
        transcriptFinal = timer(registry, "transcript_final");
        llmFirstToken = timer(registry, "llm_first_token");
        ttsFirstAudio = timer(registry, "tts_first_audio");
        firstAudioSent = timer(registry, "first_audio_sent");
    }

    /** Observes every stage the turn reached. */
    void observe(TurnLatency turn) {
        record(vadEnd, turn.vadEndMs());
        record(transcriptFinal, turn.transcriptFinalMs());
        record(llmFirstToken, turn.llmFirstTokenMs());
        record(ttsFirstAudio, turn.ttsFirstAudioMs());
        record(firstAudioSent, turn.firstAudioSentMs());
    }

    private static void record(Timer timer, Long millis) {
        if (millis != null) timer.record(Math.max(0, millis), TimeUnit.MILLISECONDS);
    }

    private static Timer timer(MeterRegistry registry, String stage) {
        return Timer.builder("timbre.agent.voice.latency")
                .description("Voice turn latency from the end of the user's speech to each pipeline stage")
                .tag("stage", stage).serviceLevelObjectives(BUCKETS).register(registry);
    }

    private static Duration ms(long millis) { return Duration.ofMillis(millis); }
}
