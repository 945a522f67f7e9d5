package dev.timbre.agent.session;

import java.util.List;

/**
 * When each character of a piece of spoken text is heard, as the {@code alignment} of an {@code audio} event:
 * {@code chars}, {@code char_start_times_ms}, {@code char_durations_ms}. Times in milliseconds from the start of the
 * audio chunk the alignment travels with (as ElevenLabs' conversation socket sends them). The three lists have the
 * same length.
 */
public record SpokenChars(List<String> chars, List<Integer> startMs, List<Integer> durationMs) {
    public static final SpokenChars EMPTY = new SpokenChars(List.of(), List.of(), List.of());

    public SpokenChars {
        chars = List.copyOf(chars);
        startMs = List.copyOf(startMs);
        durationMs = List.copyOf(durationMs);
        if (chars.size() != startMs.size() || chars.size() != durationMs.size())
            throw new IllegalArgumentException("chars, startMs and durationMs must have the same length");
    }

    public boolean isEmpty() { return chars.isEmpty(); }
}
