package dev.timbre.texttospeech.normalize;

import java.util.Objects;

/**
 * The text as written ({@code original}), as spoken ({@code normalized}), and the map between them: for every char
 * (UTF-16 unit) i of {@code normalized}, {@code originalIndex[i]} is the index of the original char it came from.
 *
 * <p>Invariants: {@code originalIndex.length == normalized.length()}; every entry lies in {@code [0,
 * original.length())}; entries never decrease. Original chars are normally covered by at least one normalised char;
 * an original char that no entry names (only when a spoken form is shorter than what it replaces) has a zero-length
 * span in {@link #originalTimes}. The array is shared: callers must not modify it.
 */
public record NormalizedText(String original, String normalized, int[] originalIndex) {
    public NormalizedText {
        Objects.requireNonNull(original, "original");
        Objects.requireNonNull(normalized, "normalized");
        if (originalIndex.length != normalized.length()) {
            throw new IllegalArgumentException("originalIndex has " + originalIndex.length + " entries for "
                    + normalized.length() + " normalized chars");
        }
    }

    /** The text unchanged, each char mapping to itself (what {@link Mode#OFF} yields). */
    public static NormalizedText identity(String text) {
        int[] index = new int[text.length()];
        for (int i = 0; i < index.length; i++) index[i] = i;
        return new NormalizedText(text, text, index);
    }

    /**
     * This rewriting followed by {@code next} (which rewrites this one's {@code normalized} text): the original of
     * this, the normalized text of {@code next}, each char mapped through both maps back to this one's original.
     */
    public NormalizedText then(NormalizedText next) {
        if (!next.original.equals(normalized)) throw new IllegalArgumentException("next does not start from this normalized text");
        int[] index = new int[next.originalIndex.length];
        for (int i = 0; i < index.length; i++) index[i] = originalIndex[next.originalIndex[i]];
        return new NormalizedText(original, next.normalized, index);
    }

    /** Whether normalisation changed nothing. */
    public boolean unchanged() {
        return original.equals(normalized);
    }

    /**
     * Derives per-original-char times from per-normalised-char times (as an engine reports them for the text it spoke).
     *
     * <p>The result is monotone and contiguous: original char k starts where the first normalised char mapped to k (or
     * to a later char) starts, and ends where char k+1 starts; the last one ends at the total duration, the largest
     * normalised end time. Gaps between normalised chars (pauses) go to the original char before them; an original
     * char with no normalised char gets a zero-length span. Times that go backwards are clamped forward. With no
     * normalised chars every original char gets [0, 0].
     *
     * @throws IllegalArgumentException when {@code normalizedTimes} does not time exactly the normalised chars
     */
    public CharacterTimes originalTimes(CharacterTimes normalizedTimes) {
        int m = normalized.length();
        if (normalizedTimes.size() != m) {
            throw new IllegalArgumentException("got times for " + normalizedTimes.size() + " chars, the normalized text has " + m);
        }
        double total = 0;
        for (double end : normalizedTimes.endSeconds()) total = Math.max(total, end);
        int n = original.length();
        double[] starts = new double[n];
        double[] ends = new double[n];
        double floor = 0;
        int i = 0;
        for (int k = 0; k <= n; k++) {
            while (i < m && originalIndex[i] < k) i++;
            double boundary = i < m ? Math.min(total, Math.max(floor, normalizedTimes.startSeconds()[i])) : total;
            if (k == n) boundary = total;
            if (k > 0) ends[k - 1] = boundary;
            if (k < n) starts[k] = boundary;
            floor = boundary;
        }
        return new CharacterTimes(starts, ends);
    }
}
