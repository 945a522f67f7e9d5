package dev.timbre.voices;

import dev.timbre.engine.EngineException;
import dev.timbre.engine.VoiceCloning;
import dev.timbre.engine.VoiceShape;
import dev.timbre.http.ApiException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cloning on a provider that clones by itself ({@link VoiceCloning}), its failures as API answers: unreachable or
 * failing (retryable) → 503 {@code service_unavailable}; samples refused → 400 {@code voice_clone_refused}. Stateless.
 */
final class RemoteClones {
    private static final Logger log = LoggerFactory.getLogger(RemoteClones.class);

    private RemoteClones() {}

    /** The provider's new voice, spoken unshaped (the provider's clone already sounds like the speaker). */
    static VoiceFitting.Fit clone(VoiceCloning cloning, String provider, String name, List<byte[]> samples, boolean removeBackgroundNoise) {
        try {
            String id = cloning.clone(name, samples, removeBackgroundNoise);
            log.info("voice cloned on {}: {}", provider, id);
            return new VoiceFitting.Fit(provider, id, VoiceShape.NEUTRAL);
        } catch (EngineException e) {
            if (e.retryable()) throw new ApiException(503, "service_unavailable", "Cloning failed: " + e.getMessage());
            throw ApiException.badRequest("voice_clone_refused", "The cloning server refused the samples: " + e.getMessage());
        }
    }

    /** Deletes the provider's voice; failures are logged, never thrown. */
    static void forget(VoiceCloning cloning, String provider, String voiceId) {
        try {
            cloning.forget(voiceId);
            log.info("cloned voice {} deleted on {}", voiceId, provider);
        } catch (RuntimeException e) {
            log.warn("could not delete cloned voice {} on {}: {}", voiceId, provider, e.getMessage());
        }
    }
}
