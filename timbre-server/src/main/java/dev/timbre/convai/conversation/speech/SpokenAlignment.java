package dev.timbre.convai.conversation.speech;

import dev.timbre.agent.session.SpokenChars;
import dev.timbre.speech.CharacterAlignment;
import java.util.ArrayList;
import java.util.List;

/** Character alignments of agent speech as the conversation's {@code audio} events carry them. */
final class SpokenAlignment {
    private SpokenAlignment() {}

    /**
     * {@code alignment} (seconds from the start of the synthesis) as milliseconds from {@code chunkStartSeconds}, the
     * start of the audio chunk it travels with; a character that started before the chunk starts at 0 with the rest
     * of its duration. Null or empty → {@link SpokenChars#EMPTY}.
     */
    static SpokenChars relative(CharacterAlignment alignment, double chunkStartSeconds) {
        if (alignment == null || alignment.characters().isEmpty()) return SpokenChars.EMPTY;
        int n = alignment.characters().size();
        List<Integer> starts = new ArrayList<>(n);
        List<Integer> durations = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            long start = Math.round((alignment.characterStartTimesSeconds().get(i) - chunkStartSeconds) * 1000);
            long end = Math.round((alignment.characterEndTimesSeconds().get(i) - chunkStartSeconds) * 1000);
            long s = Math.max(0, start);
            starts.add((int) s);
            durations.add((int) Math.max(0, end - s));
        }
        return new SpokenChars(alignment.characters(), starts, durations);
    }
}
