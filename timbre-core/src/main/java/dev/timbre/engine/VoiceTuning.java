package dev.timbre.engine;

/**
 * ElevenLabs voice settings as an engine sees them. All values are in the API's ranges: stability, similarity and
 * style 0..1, speed 0.7..1.2 (1 = normal).
 */
public record VoiceTuning(double stability, double similarityBoost, double style, boolean useSpeakerBoost, double speed) {
    public static final VoiceTuning DEFAULT = new VoiceTuning(0.5, 0.75, 0.0, true, 1.0);
}
