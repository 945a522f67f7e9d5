package dev.timbre.speech;

import dev.timbre.engine.WordTiming;
import dev.timbre.texttospeech.normalize.CharacterTimes;
import dev.timbre.texttospeech.normalize.NormalizedText;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Turns the word timings of a stream into character alignments chunk by chunk: each call hands out the characters
 * whose times are final since the previous call, for the spoken (normalised) text and for the text as written. Not
 * thread-safe: one per synthesis, used by the thread that consumes the engine's events.
 */
final class AlignmentTracker {
    /** The two alignments of one chunk; either may be null when the chunk settles no character. */
    record Chunk(CharacterAlignment alignment, CharacterAlignment normalizedAlignment) {
        /** This chunk's characters followed by {@code next}'s. */
        Chunk plus(Chunk next) {
            return new Chunk(CharacterAlignment.concat(alignment, next.alignment), CharacterAlignment.concat(normalizedAlignment, next.normalizedAlignment));
        }
    }

    private final NormalizedText text;
    private final List<WordTiming> words = new ArrayList<>();
    private int sentNormalized;
    private int sentOriginal;
    private boolean changed = true;

    AlignmentTracker(NormalizedText text) {
        this.text = text;
    }

    void add(List<WordTiming> timings) {
        words.addAll(timings);
        changed |= !timings.isEmpty();
    }

    /**
     * Alignments of the characters settled since the last call, given {@code seconds} of audio so far. With
     * {@code end}, every remaining character, the last ending at {@code seconds}.
     */
    Chunk next(double seconds, boolean end) {
        if (!end && !changed) return new Chunk(null, null); // only new words can settle characters
        changed = false;
        String spoken = text.normalized();
        CharacterAlignment.Timeline timeline = CharacterAlignment.Timeline.of(spoken, words, seconds);
        // The last character ends with the audio, so it is only settled at the end.
        int upTo = end ? spoken.length() : Math.min(timeline.settled(), spoken.length() - 1);
        int originalUpTo = end || upTo >= spoken.length() ? text.original().length() : text.originalIndex()[upTo];
        if (upTo <= sentNormalized && originalUpTo <= sentOriginal) return new Chunk(null, null);
        double[] b = timeline.boundaries();
        CharacterAlignment normalized = upTo > sentNormalized ? CharacterAlignment.of(spoken, b, sentNormalized, upTo) : null;
        CharacterAlignment original = null;
        if (originalUpTo > sentOriginal) {
            CharacterTimes times = text.originalTimes(new CharacterTimes(
                    Arrays.copyOfRange(b, 0, spoken.length()), Arrays.copyOfRange(b, 1, spoken.length() + 1)));
            original = CharacterAlignment.of(text.original(), times.startSeconds(), times.endSeconds(), sentOriginal, originalUpTo);
        }
        sentNormalized = Math.max(sentNormalized, upTo);
        sentOriginal = Math.max(sentOriginal, originalUpTo);
        return new Chunk(original, normalized);
    }
}
