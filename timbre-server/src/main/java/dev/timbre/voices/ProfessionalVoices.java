package dev.timbre.voices;

/**
 * What a professional (PVC) voice adds to its {@code VoiceResponseModel}: its fine-tuning and verification state.
 * Supplied by {@code dev.timbre.voices.pvc} through {@link VoicesService#professional}, so this package never depends
 * on that one. Implementations are thread-safe.
 */
public interface ProfessionalVoices {
    VoiceResponse.FineTuning fineTuning(VoiceRepository.StoredVoice voice);

    VoiceResponse.Verification verification(VoiceRepository.StoredVoice voice);

    /** The sample as the voice response shows it, with its speaker separation and trim. */
    VoiceResponse.Sample sample(VoiceRepository.StoredSample sample);
}
