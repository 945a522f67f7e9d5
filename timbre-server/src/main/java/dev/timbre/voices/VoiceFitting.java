package dev.timbre.voices;

import dev.timbre.engine.VoiceShape;
import java.util.List;

/**
 * Placeholder: replaced by the cloning branch at merge. Fits an engine voice and a {@link VoiceShape} to speech
 * samples; this version always answers the first premade voice of the main provider (the first engine loaded),
 * unshaped. Thread-safe.
 */
public final class VoiceFitting { // placeholder: replaced by the cloning branch at merge
    /** The engine voice ({@code provider} + {@code engineVoiceId}) and shape that speak like the samples. */
    public record Fit(String provider, String engineVoiceId, VoiceShape shape) {}

    private final PremadeVoices premade;

    public VoiceFitting(PremadeVoices premade) {
        this.premade = premade;
    }

    /** @param samples encoded audio files (WAV or MP3), at least one */
    public Fit fit(List<byte[]> samples) {
        PremadeVoices.Premade base = premade.all().stream().findFirst()
                .orElseThrow(() -> new IllegalStateException("no engine offers a voice to fit"));
        return new Fit(base.provider(), base.descriptor().id(), VoiceShape.NEUTRAL);
    }
}
