package dev.timbre.agent.voice;

import dev.timbre.agent.session.SessionListener;

/**
 * Receives what a voice conversation produces: the session's frames and transcript ({@link SessionListener}), plus
 * the call recording and each turn's latency. Same threading contract: calls come from the session's loop thread, one
 * at a time, and must not block for long; {@link #ended} is the last call, exactly once.
 */
public interface VoiceListener extends SessionListener {
    /**
     * User audio as it arrived, 16 kHz mono, for the call recording; {@code atMillis} is the loop time of its arrival
     * in milliseconds from the start of the session. Chunks are contiguous in order.
     */
    default void recordedUserAudio(short[] pcm16k, long atMillis) {}

    /**
     * Agent audio, 16 kHz mono, for the call recording, that the user hears from {@code atMillis} (milliseconds from
     * the start of the session; when its playback is due, after the audio queued before it). After an interruption,
     * audio the user never heard is not recorded.
     */
    default void recordedAgentAudio(short[] pcm16k, long atMillis) {}

    /**
     * The user's spoken turn ended: the turn whose reply (LLM request, speech) follows begins now. {@code vadEndMs}:
     * how long after the arrival of the turn's last voiced audio its end was decided (so the turn began that long ago).
     * Before the transcript goes to the session; {@link #turnMeasured} follows when its reply's first audio is sent.
     */
    default void turnStarted(long vadEndMs) {}

    /** The latency breakdown of a user turn, once its first agent audio went out (or the turn ended). */
    default void turnMeasured(TurnLatency latency) {}
}
