package dev.timbre.speechtotext;

import dev.timbre.speechtotext.TranscriptModels.Chunk;
import dev.timbre.speechtotext.TranscriptModels.Word;
import java.util.List;

/**
 * A transcript cut into caption segments with the default {@code additional_formats} limits (a pause over 0.8 s, 10 s,
 * 200 characters), without speakers: for other APIs' subtitle and segment outputs (the OpenAI alias).
 */
public final class TranscriptSegments {
    private static final ExportOptions PLAIN = new ExportOptions("srt", false, true, null, null, null, null);

    private TranscriptSegments() {}

    /** One segment: its words ({@code type=word} only) and their joined text. */
    public record Timed(double start, double end, String text, List<Word> words) {}

    public static List<Timed> of(Chunk chunk) {
        return TranscriptExports.segments(chunk.words(), PLAIN).stream().map(s -> new Timed(s.start(), s.end(), s.text(), s.words())).toList();
    }

    /** SubRip, one cue per segment. */
    public static String srt(Chunk chunk) {
        return TranscriptExports.srt(TranscriptExports.segments(chunk.words(), PLAIN), PLAIN);
    }

    /** WebVTT, one cue per segment. */
    public static String vtt(Chunk chunk) {
        StringBuilder b = new StringBuilder("WEBVTT\n\n");
        for (Timed s : of(chunk)) {
            b.append(TranscriptExports.time(s.start(), '.')).append(" --> ").append(TranscriptExports.time(s.end(), '.')).append('\n');
            b.append(s.text()).append("\n\n");
        }
        return b.toString();
    }
}
