package dev.timbre.texttovoice;

/**
 * Turns a voice description ("a deep, slow British man in his sixties") into {@link VoiceTraits}. Implementations are
 * thread-safe and never fail: a description they cannot read yields {@link VoiceTraits#NONE} or what they could read.
 */
public interface DescriptionReader {
    VoiceTraits read(String description);
}
