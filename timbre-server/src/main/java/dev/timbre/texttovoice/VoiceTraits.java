package dev.timbre.texttovoice;

import dev.timbre.engine.VoiceShape;
import java.util.List;

/**
 * What a voice description asks for. {@code gender}, {@code age} and {@code accent} choose the base engine voice (null:
 * not said); the other fields are departures beyond what gender and age imply, applied on top of the base voice's
 * shape: {@code pitchSemitones} is added, {@code pitchRange}, {@code rate} and {@code formantScale} multiply.
 *
 * @param gender  {@code female}, {@code male} or null
 * @param age     {@code child}, {@code young}, {@code middle_aged}, {@code old} or null
 * @param accent  an accent label as the engines use them ({@code american}, {@code british}, {@code german}, …) or null
 * @param tones   the descriptive words the reader recognised (for the voice's {@code description} label)
 */
public record VoiceTraits(String gender, String age, String accent, double pitchSemitones, double pitchRange, double rate,
                          double formantScale, List<String> tones) {
    public static final VoiceTraits NONE = new VoiceTraits(null, null, null, 0, 1, 1, 1, List.of());

    public VoiceTraits {
        tones = tones == null ? List.of() : List.copyOf(tones);
    }

    /** The departures as a shape (clamped to {@link VoiceShape}'s ranges). */
    public VoiceShape departure() {
        return new VoiceShape(pitchSemitones, pitchRange, rate, formantScale);
    }
}
