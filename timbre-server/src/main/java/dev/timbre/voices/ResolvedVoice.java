package dev.timbre.voices;

/**
 * What speaking with a voice needs: the engine voice ({@code provider} + {@code engineVoiceId}) and the voice's
 * stored settings (complete, never null fields).
 */
public record ResolvedVoice(String provider, String engineVoiceId, VoiceSettings settings, String name, String category) {}
