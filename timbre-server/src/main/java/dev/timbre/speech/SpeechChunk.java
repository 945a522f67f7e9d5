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

    /** {@code chunks} in order as one chunk (last when the last of them is), in one pass; null for none. */
    public static SpeechChunk join(List<SpeechChunk> chunks) {
        if (chunks.isEmpty()) return null;
        java.io.ByteArrayOutputStream audio = new java.io.ByteArrayOutputStream();
        List<CharacterAlignment> alignments = new ArrayList<>(), normalized = new ArrayList<>();
        List<SegmentSpan> spans = new ArrayList<>();
        for (SpeechChunk c : chunks) {
            audio.writeBytes(c.audio);
            if (c.alignment != null) alignments.add(c.alignment);
            if (c.normalizedAlignment != null) normalized.add(c.normalizedAlignment);
            spans.addAll(c.finished);
        }
        return new SpeechChunk(audio.toByteArray(), CharacterAlignment.concat(alignments), CharacterAlignment.concat(normalized),
                List.copyOf(spans), chunks.get(chunks.size() - 1).last);
    }

    /** Nothing to tell: no audio and no characters. */
    public boolean isEmpty() {
        return audio.length == 0 && alignment == null && normalizedAlignment == null && finished.isEmpty();
    }
}
