package dev.timbre.voices.pvc;

import dev.timbre.http.ApiException;
import dev.timbre.voices.PremadeVoices;
import dev.timbre.voices.VoiceRepository;

/**
 * Finds the PVC voice or sample a request names: an unknown voice or sample is a 404; a voice that exists but is not a
 * professional clone (premade, instant clone) is a 400 {@code voice_not_professional}. Thread-safe.
 */
final class PvcLookup {
    private final VoiceRepository voices;
    private final PremadeVoices premade;

    PvcLookup(VoiceRepository voices, PremadeVoices premade) {
        this.voices = voices;
        this.premade = premade;
    }

    VoiceRepository.StoredVoice voice(String voiceId) {
        VoiceRepository.StoredVoice v = voices.find(voiceId).orElse(null);
        if (v == null && premade.find(voiceId).isEmpty()) {
            throw ApiException.notFound("voice_not_found", "A voice with the voice_id '" + voiceId + "' was not found.");
        }
        if (v == null || !v.category().equals(PvcService.CATEGORY)) {
            throw ApiException.badRequest("voice_not_professional", "Voice '" + voiceId + "' is not a professional voice clone; "
                    + "create one with POST /v1/voices/pvc.");
        }
        return v;
    }

    VoiceRepository.StoredSample sample(String voiceId, String sampleId) {
        voice(voiceId);
        return voices.sample(voiceId, sampleId).orElseThrow(() -> ApiException.notFound("sample_not_found",
                "Sample '" + sampleId + "' of voice '" + voiceId + "' was not found."));
    }
}
