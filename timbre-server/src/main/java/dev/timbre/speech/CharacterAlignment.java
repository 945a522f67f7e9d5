package dev.timbre.speech;

import dev.timbre.engine.WordTiming;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Per-character timing ({@code CharacterAlignmentResponseModel}): three parallel lists, times in seconds from the
 * start of the audio, monotone, each character's end equal to the next one's start.
 */
public record CharacterAlignment(List<String> characters, List<Double> characterStartTimesSeconds,
                                 List<Double> characterEndTimesSeconds) {

    /**
     * Spreads the engine's word timings over the characters of {@code text}: a word's characters share its span
     * evenly; characters between words (spaces, punctuation, words the engine did not report) fill the gaps. The
     * last character ends at {@code durationSeconds}.
     */
    public static CharacterAlignment fromWords(String text, List<WordTiming> words, double durationSeconds) {
        Timeline t = Timeline.of(text, words, durationSeconds);
        return of(text, t.boundaries(), 0, text.length());
    }

    /** Characters {@code from..to} of {@code text}; character i spans {@code boundaries[i]..boundaries[i+1]}. */
    static CharacterAlignment of(String text, double[] boundaries, int from, int to) {
        return of(text, boundaries, Arrays.copyOfRange(boundaries, 1, boundaries.length), from, to);
    }

    /** Characters {@code from..to} of {@code text} with explicit start and end times per character. */
    static CharacterAlignment of(String text, double[] starts, double[] ends, int from, int to) {
        List<String> chars = new ArrayList<>(to - from);
        List<Double> s = new ArrayList<>(to - from);
        List<Double> e = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            chars.add(String.valueOf(text.charAt(i)));
            s.add(round(starts[i]));
            e.add(round(ends[i]));
        }
        return new CharacterAlignment(chars, s, e);
    }

    /**
     * Character boundaries of a text from word timings: {@code boundaries[i]} is where character i starts, the last
     * entry where the text ends. {@code settled} counts the leading characters whose times later words cannot change:
     * those up to the end of the last word found in the text.
     */
    record Timeline(double[] boundaries, int settled) {
        static Timeline of(String text, List<WordTiming> words, double durationSeconds) {
            int n = text.length();
            double[] start = new double[n + 1];
            boolean[] fixed = new boolean[n + 1];
            fixed[0] = true;
            String lower = text.toLowerCase(Locale.ROOT);
            int cursor = 0;
            for (WordTiming w : words) {
                String token = w.word().toLowerCase(Locale.ROOT).strip();
                if (token.isEmpty()) continue;
                int at = lower.indexOf(token, cursor);
                if (at < 0) continue;
                double s = Math.max(w.start(), 0), e = Math.max(w.end(), s);
                if (fixed[at] && start[at] > s) continue;
                int len = token.length();
                for (int i = 0; i <= len; i++) {
                    start[at + i] = s + (e - s) * i / len;
                    fixed[at + i] = true;
                }
                cursor = at + len;
            }
            start[n] = Math.max(durationSeconds, lastFixed(start, fixed, n));
            fixed[n] = true;
            interpolate(start, fixed);
            return new Timeline(start, cursor);
        }
    }

    /** {@code a}'s characters followed by {@code b}'s; either may be null. */
    public static CharacterAlignment concat(CharacterAlignment a, CharacterAlignment b) {
        if (a == null) return b;
        if (b == null) return a;
        return new CharacterAlignment(join(a.characters, b.characters),
                join(a.characterStartTimesSeconds, b.characterStartTimesSeconds), join(a.characterEndTimesSeconds, b.characterEndTimesSeconds));
    }

    /** All of {@code parts} in order, in one pass; null when there are none. */
    public static CharacterAlignment concat(List<CharacterAlignment> parts) {
        if (parts.isEmpty()) return null;
        if (parts.size() == 1) return parts.get(0);
        List<String> chars = new ArrayList<>();
        List<Double> starts = new ArrayList<>(), ends = new ArrayList<>();
        for (CharacterAlignment a : parts) {
            chars.addAll(a.characters);
            starts.addAll(a.characterStartTimesSeconds);
            ends.addAll(a.characterEndTimesSeconds);
        }
        return new CharacterAlignment(chars, starts, ends);
    }

    private static <T> List<T> join(List<T> a, List<T> b) {
        List<T> all = new ArrayList<>(a.size() + b.size());
        all.addAll(a);
        all.addAll(b);
        return all;
    }

    /** This alignment moved later by {@code offsetSeconds}, for chunks of a longer stream. */
    public CharacterAlignment shifted(double offsetSeconds) {
        return new CharacterAlignment(characters,
                characterStartTimesSeconds.stream().map(t -> round(t + offsetSeconds)).toList(),
                characterEndTimesSeconds.stream().map(t -> round(t + offsetSeconds)).toList());
    }

    public double endSeconds() {
        return characterEndTimesSeconds.isEmpty() ? 0 : characterEndTimesSeconds.get(characterEndTimesSeconds.size() - 1);
    }

    private static double lastFixed(double[] start, boolean[] fixed, int n) {
        for (int i = n - 1; i >= 0; i--) if (fixed[i]) return start[i];
        return 0;
    }

    /** Fills unfixed boundaries linearly between their fixed neighbours, keeping the sequence monotone. */
    private static void interpolate(double[] start, boolean[] fixed) {
        int prev = 0;
        for (int i = 1; i < start.length; i++) {
            if (!fixed[i]) continue;
            if (start[i] < start[prev]) start[i] = start[prev];
            for (int j = prev + 1; j < i; j++) start[j] = start[prev] + (start[i] - start[prev]) * (j - prev) / (i - prev);
            prev = i;
        }
    }

    private static double round(double seconds) {
        return Math.round(seconds * 1000) / 1000.0;
    }
}
