package dev.timbre.texttodialogue;

/**
 * {@code VoiceSegment}: where one dialogue input sits in the audio and in the alignment's characters. Character
 * indices count into the concatenated input texts (the {@code alignment} characters); the end index is exclusive.
 */
public record VoiceSegment(String voiceId, double startTimeSeconds, double endTimeSeconds, int characterStartIndex,
                           int characterEndIndex, int dialogueInputIndex) {}
