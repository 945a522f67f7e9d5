package dev.timbre.forcedalignment;

import java.util.List;

/** {@code ForcedAlignmentResponseModel}: times in seconds from the start of the audio. */
public record ForcedAlignment(List<Character> characters, List<Word> words, double loss) {
    /** {@code ForcedAlignmentCharacterResponseModel}. */
    public record Character(String text, double start, double end) {}

    /** {@code ForcedAlignmentWordResponseModel}: {@code loss} is how poorly the word fits its place (0 = perfectly). */
    public record Word(String text, double start, double end, double loss) {}
}
