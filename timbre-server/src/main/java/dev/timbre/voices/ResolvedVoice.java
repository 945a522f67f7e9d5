package dev.timbre.voices;

import dev.timbre.engine.VoiceShape;

/**
 * What speaking with a voice needs: the engine voice ({@code provider} + {@code engineVoiceId}), how the voice departs
 * from it ({@code shape}: a clone's or designed voice's; {@link VoiceShape#NEUTRAL} for premade voices) and the voice's
 * stored settings (complete, never null fields).
 */
public record ResolvedVoice(String provider, String engineVoiceId, VoiceSettings settings, String name, String category,
                            VoiceShape shape) {
    public ResolvedVoice {
        if (shape == null) shape = VoiceShape.NEUTRAL;
    }

    public ResolvedVoice(String provider, String engineVoiceId, VoiceSettings settings, String name, String category) {
        this(provider, engineVoiceId, settings, name, category, VoiceShape.NEUTRAL);
    }
}
