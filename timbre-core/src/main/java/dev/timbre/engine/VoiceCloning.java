package dev.timbre.engine;

import java.util.List;

/**
 * A text-to-speech provider that makes voices of its own from recordings (a neural clone on a remote server), offered
 * through {@link TextToSpeech#cloning()}. The voice id it returns is then spoken like any of the provider's voices
 * ({@link SpeechRequest#voiceId()}). Implementations are thread-safe; both calls block on the provider (bounded by its
 * timeout).
 */
public interface VoiceCloning {
    /**
     * Sends the samples to the provider and returns its new voice's id.
     *
     * @param name the voice's name as the user gave it
     * @param samples the recordings as uploaded (WAV, MP3, …), already checked to hold one speaker's speech
     * @param removeBackgroundNoise ask the provider to clean the samples (where it can)
     * @throws EngineException when the provider refused (not retryable) or could not be reached (retryable)
     */
    String clone(String name, List<byte[]> samples, boolean removeBackgroundNoise);

    /** Deletes a voice {@link #clone} made; best effort (a voice already gone is no error). */
    void forget(String voiceId);
}
