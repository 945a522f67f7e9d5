package dev.timbre.agent.voice;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The latency of one user turn on the loop clock, from the arrival of the chunk holding the turn's last voiced frame:
 * end of turn decided, final transcript, LLM first output, TTS first audio, first audio sent. Reported once
 * ({@link #latency}) when the reply's first audio is sent, or when the next turn begins. Loop thread only.
 */
final class TurnMeter {
    private final Instant lastVoiced;
    private Long vadEnd;
    private Long transcriptFinal;
    private Long llmFirst;
    private Long ttsFirst;
    private Long firstSent;
    /** This turn's reply once it started; null before. */
    AgentReply reply;
    /** The transcript went to the session: the next response is this turn's reply. */
    boolean awaitingReply;
    boolean reported;

    TurnMeter(Instant lastVoiced) { this.lastVoiced = lastVoiced; }

    void vadEnd(Instant at) { vadEnd = ms(at); }

    void transcriptFinal(Instant at) { transcriptFinal = ms(at); }

    void llmFirstOutput(Instant at) { if (llmFirst == null) llmFirst = ms(at); }

    boolean hasLlmOutput() { return llmFirst != null; }

    void ttsFirstAudio(Instant at) { if (ttsFirst == null) ttsFirst = ms(at); }

    void firstAudioSent(Instant at) { if (firstSent == null) firstSent = ms(at); }

    TurnLatency latency() {
        return new TurnLatency(reply == null ? 0 : reply.eventId, vadEnd, transcriptFinal, llmFirst, ttsFirst, firstSent);
    }

    /** The transcript's {@code conversation_turn_metrics}: metric name → seconds, for the stages that happened. */
    Map<String, Double> metrics() {
        Map<String, Double> m = new LinkedHashMap<>();
        put(m, "convai_vad_end", vadEnd);
        put(m, "convai_asr_trailing_service_latency", transcriptFinal);
        put(m, "convai_llm_service_ttfb", llmFirst);
        put(m, "convai_tts_service_ttfb", ttsFirst);
        put(m, "convai_first_audio", firstSent);
        return m;
    }

    private static void put(Map<String, Double> m, String name, Long ms) {
        if (ms != null) m.put(name, ms / 1000.0);
    }

    private long ms(Instant at) { return Math.max(0, Duration.between(lastVoiced, at).toMillis()); }
}
