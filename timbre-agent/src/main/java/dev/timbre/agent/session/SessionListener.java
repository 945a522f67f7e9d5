package dev.timbre.agent.session;

import dev.timbre.agent.transcript.TranscriptEntry;
import java.util.List;

/**
 * Receives what a session produces. All calls come from the session's loop thread, one at a time; implementations
 * must not block for long (hand slow work to another thread). {@link #ended} is the last call, exactly once. A voice
 * conversation reports more through its own listener, which extends this one.
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
     * The agent speaks with {@code voiceId} from now on (a language preset's {@code tts.voice_id} after a language
     * switch, a workflow subagent node's voice; null: the agent's own voice again). Text conversations ignore it; a
     * voice conversation applies it to later utterances.
     */
    default void voiceChanged(String voiceId) {}

    /**
     * The call's phone controls when the transport is a phone line, else null (the default): the call-only system tools
     * ({@code transfer_to_number}, {@code play_keypad_touch_tone}, {@code voicemail_detection}) work only with one.
     * Asked on the loop each time a tool needs it.
     */
    default PhoneControl phone() { return null; }

    /**
     * Runs {@code task} on the loop once the user has heard all the agent speech sent before this call (a transfer
     * after its message, keypad tones after the words before them). Text conversations run it at once (the default);
     * a voice conversation waits until that speech has been synthesised and played, and drops the task when the
     * conversation closes first.
     */
    default void afterSpeech(Runnable task) { task.run(); }

    /** The session is over; the transport closes with {@link SessionEnd#closeCode()}. */
    void ended(SessionEnd end);
}
