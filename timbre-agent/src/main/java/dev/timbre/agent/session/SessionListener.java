package dev.timbre.agent.session;

import dev.timbre.agent.transcript.TranscriptEntry;
import java.util.List;

/**
 * Receives what a session produces. All calls come from the session's loop thread, one at a time; implementations
 * must not block for long (hand slow work to another thread). {@link #ended} is the last call, exactly once.
 */
public interface SessionListener {
    /** An event for the user. */
    void send(Frame.Output frame);

    /** The whole transcript so far, after each finished turn (and after the first message). */
    void transcriptUpdated(List<TranscriptEntry> transcript);

    /**
     * A round's request to the language model gave its first output (text or a tool call): {@code requestedNanos} when
     * the request was opened, {@code firstOutputNanos} when the output arrived on the model's thread (both
     * {@link System#nanoTime}). Called on the loop just before that output is handled; for latency metrics.
     */
    default void llmFirstOutput(long requestedNanos, long firstOutputNanos) {}

    /**
     * Voice only, for the call recording: user audio as it arrived, 16 kHz mono; {@code atMillis} is the loop time
     * of its arrival in milliseconds from the start of the session. Chunks are contiguous in order.
     */
    default void recordedUserAudio(short[] pcm16k, long atMillis) {}

    /**
     * Voice only, for the call recording: agent audio, 16 kHz mono, that the user hears from {@code atMillis}
     * (milliseconds from the start of the session; when its playback is due, after the audio queued before it).
     * After an interruption, audio the user never heard is not recorded.
     */
    default void recordedAgentAudio(short[] pcm16k, long atMillis) {}

    /** Voice only: the latency breakdown of a user turn, once its first agent audio went out (or the turn ended). */
    default void turnMeasured(dev.timbre.agent.voice.TurnLatency latency) {}

    /** The session is over; the transport closes with {@link SessionEnd#closeCode()}. */
    void ended(SessionEnd end);
}
