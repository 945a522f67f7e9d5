package dev.timbre.speech;

import java.util.ArrayList;
import java.util.List;

/**
 * One piece of a run's output, in order. Every chunk but the last carries audio; the last ({@code last} true, exactly
 * once) carries the encoder's tail, possibly empty, and the characters not yet aligned. Alignment times are seconds
 * from the start of the run; either alignment is null when the chunk settles no character.
 *
 * @param audio    encoded in the script's format (raw PCM when it has none); never shared with the run
 * @param finished the segments whose audio ended within this chunk
 */
public record SpeechChunk(byte[] audio, CharacterAlignment alignment, CharacterAlignment normalizedAlignment,
                          List<SegmentSpan> finished, boolean last) {

    /** Where one segment of the script sits in the output: seconds from the start of the run. */
    public record SegmentSpan(int segment, double startSeconds, double endSeconds) {}

    /** This chunk followed by {@code next}, as one chunk (last when {@code next} is). */
    public SpeechChunk plus(SpeechChunk next) {
        byte[] both = new byte[audio.length + next.audio.length];
        System.arraycopy(audio, 0, both, 0, audio.length);
        System.arraycopy(next.audio, 0, both, audio.length, next.audio.length);
        List<SegmentSpan> spans = new ArrayList<>(finished);
        spans.addAll(next.finished);
        return new SpeechChunk(both, CharacterAlignment.concat(alignment, next.alignment),
                CharacterAlignment.concat(normalizedAlignment, next.normalizedAlignment), List.copyOf(spans), next.last);
    }

    /** Nothing to tell: no audio and no characters. */
    public boolean isEmpty() {
        return audio.length == 0 && alignment == null && normalizedAlignment == null && finished.isEmpty();
    }
}
