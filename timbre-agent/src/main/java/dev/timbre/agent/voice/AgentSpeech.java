package dev.timbre.agent.voice;

import dev.timbre.agent.session.SpokenChars;
import dev.timbre.audio.PcmFormat;

/**
 * The agent's voice for one conversation: speaks one piece of text (a sentence or a few) at a time with the agent's
 * TTS settings (voice, model, speed, stability…) already applied. The server builds it from the agent's {@code tts}
 * config; tests use a fake. Thread-safe; {@link #speak} does not block.
 */
public interface AgentSpeech {
    /**
     * Starts synthesis of {@code text}. Audio flows to {@code listener} on a thread of the implementation's choosing,
     * one call at a time, in order: any number of {@link Listener#audio}, then exactly one of {@link Listener#done} or
     * {@link Listener#failed} — unless the utterance is cancelled, after which no more calls are made (at most one
     * call already in progress may finish).
     */
    Utterance speak(String text, Listener listener);

    /**
     * Later utterances use {@code voiceId} (same model and settings; null: the agent's own voice again); one already
     * started keeps its voice. A voice the implementation cannot speak with keeps the current one. Default: ignored.
     */
    default void useVoice(String voiceId) {}

    /** A synthesis in progress. */
    interface Utterance {
        /** Stops synthesis and further callbacks. Idempotent. */
        void cancel();
    }

    interface Listener {
        /**
         * s16le mono PCM at the engine's rate ({@code format}), with the characters heard in it; {@code chars} times
         * are milliseconds from the start of <em>this chunk</em> (possibly empty when no character settled).
         */
        void audio(PcmFormat format, byte[] pcm, SpokenChars chars);

        void done();

        void failed(Exception e);
    }
}
