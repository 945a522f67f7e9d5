package dev.timbre.dubbing;

import dev.timbre.engine.WordTiming;
import java.util.ArrayList;
import java.util.List;

/**
 * Recognised words with their speakers → segments: a new segment at every change of speaker, at a pause of
 * {@link #PAUSE_SECONDS} or more, and before a segment would pass {@link #MAX_SECONDS}. Pure and thread-safe.
 */
final class Segmenter {
    static final double PAUSE_SECONDS = 0.6, MAX_SECONDS = 12;

    /** A run of words of one speaker (speaker as diarization numbered it). */
    record Piece(int speaker, double start, double end, String text) {}

    private Segmenter() {}

    /** @param speakers the speaker of each word, as many as {@code words} */
    static List<Piece> split(List<WordTiming> words, List<Integer> speakers) {
        List<Piece> out = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        int speaker = -1;
        double start = 0, end = 0;
        for (int i = 0; i < words.size(); i++) {
            WordTiming w = words.get(i);
            String word = w.word().strip();
            if (word.isEmpty()) continue;
            int s = speakers.get(i);
            boolean cut = !text.isEmpty() && (s != speaker || w.start() - end >= PAUSE_SECONDS || w.end() - start > MAX_SECONDS);
            if (cut) {
                out.add(new Piece(speaker, start, end, text.toString()));
                text.setLength(0);
            }
            if (text.isEmpty()) {
                speaker = s;
                start = w.start();
            } else {
                text.append(' ');
            }
            text.append(word);
            end = Math.max(end, w.end());
        }
        if (!text.isEmpty()) out.add(new Piece(speaker, start, end, text.toString()));
        return out;
    }
}
