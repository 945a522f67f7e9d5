package dev.timbre.texttospeech.normalize;

import java.util.Arrays;

/**
 * Builds the normalised text and, for every character it appends, the index of the original character it came from.
 * Copies map one to one. A replacement of {@code original[start, end)} by spoken words spreads its characters evenly
 * over the span: spoken character j maps to {@code start + j * (end - start) / spoken.length()}, so the map stays
 * monotone and a spoken form at least as long as its span covers every original character in it. Words are kept
 * apart: a space is inserted where a replacement would touch a letter or digit ("AT&T" → "AT and T"). Single use.
 */
final class SpokenBuilder {
    private final StringBuilder out;
    private int[] index;
    private boolean separateNext;

    SpokenBuilder(int capacity) {
        out = new StringBuilder(capacity);
        index = new int[Math.max(16, capacity)];
    }

    /** Appends original character {@code c} found at {@code originalIndex}. */
    void copy(char c, int originalIndex) {
        if (separateNext && Character.isLetterOrDigit(c)) append(' ', originalIndex);
        separateNext = false;
        append(c, originalIndex);
    }

    /** Appends {@code spoken} in place of {@code original[start, end)}; {@code end > start}. */
    void replace(int start, int end, String spoken) {
        if (spoken.isEmpty()) return;
        if (out.length() > 0 && Character.isLetterOrDigit(out.charAt(out.length() - 1))
                && Character.isLetterOrDigit(spoken.charAt(0))) {
            append(' ', start);
        }
        long span = end - start;
        for (int j = 0; j < spoken.length(); j++) {
            append(spoken.charAt(j), start + (int) (j * span / spoken.length()));
        }
        separateNext = Character.isLetterOrDigit(spoken.charAt(spoken.length() - 1));
    }

    private void append(char c, int originalIndex) {
        if (out.length() == index.length) index = Arrays.copyOf(index, index.length * 2);
        index[out.length()] = originalIndex;
        out.append(c);
    }

    String text() {
        return out.toString();
    }

    int[] originalIndex() {
        return Arrays.copyOf(index, out.length());
    }
}
