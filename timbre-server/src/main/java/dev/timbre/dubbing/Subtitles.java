package dev.timbre.dubbing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A dub's transcript as subtitles: one cue per segment (its start to where its speech ends), lines wrapped at
 * {@link #LINE_CHARS} characters; SRT ({@code 00:00:01,000}) or WebVTT ({@code WEBVTT} header, {@code 00:00:01.000}).
 * Pure; thread-safe.
 */
final class Subtitles {
    static final int LINE_CHARS = 42;

    /** One cue: seconds and text. */
    record Cue(double start, double end, String text) {}

    private Subtitles() {}

    static String srt(List<Cue> cues) {
        StringBuilder out = new StringBuilder();
        int n = 1;
        for (Cue c : cues) {
            if (c.text() == null || c.text().isBlank()) continue;
            if (n > 1) out.append('\n');
            out.append(n++).append('\n').append(time(c.start(), ',')).append(" --> ").append(time(c.end(), ',')).append('\n');
            out.append(String.join("\n", lines(c.text()))).append('\n');
        }
        return out.toString();
    }

    static String webvtt(List<Cue> cues) {
        StringBuilder out = new StringBuilder("WEBVTT\n");
        for (Cue c : cues) {
            if (c.text() == null || c.text().isBlank()) continue;
            out.append('\n').append(time(c.start(), '.')).append(" --> ").append(time(c.end(), '.')).append('\n');
            out.append(String.join("\n", lines(c.text()))).append('\n');
        }
        return out.toString();
    }

    /** {@code text} wrapped at word boundaries into lines of at most {@link #LINE_CHARS} characters (a longer word alone). */
    static List<String> lines(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String w : text.strip().split("\\s+")) {
            if (!line.isEmpty() && line.length() + 1 + w.length() > LINE_CHARS) {
                out.add(line.toString());
                line.setLength(0);
            }
            if (!line.isEmpty()) line.append(' ');
            line.append(w);
        }
        if (!line.isEmpty()) out.add(line.toString());
        return out;
    }

    static String time(double seconds, char separator) {
        long ms = Math.max(0, Math.round(seconds * 1000));
        return String.format(Locale.ROOT, "%02d:%02d:%02d%c%03d", ms / 3_600_000, ms / 60_000 % 60, ms / 1000 % 60, separator, ms % 1000);
    }
}
