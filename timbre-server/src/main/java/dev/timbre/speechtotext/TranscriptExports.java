package dev.timbre.speechtotext;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.timbre.http.Json;
import dev.timbre.speechtotext.TranscriptModels.AdditionalFormat;
import dev.timbre.speechtotext.TranscriptModels.Chunk;
import dev.timbre.speechtotext.TranscriptModels.Word;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code additional_formats}: the transcript cut into segments (a new one after a pause longer than
 * {@code segment_on_silence_longer_than_s}, or when {@code max_segment_duration_s} or {@code max_segment_chars} would
 * be passed) and written as SubRip, plain text, segmented JSON or HTML, or as DOCX or PDF documents
 * ({@link DocumentExports}, base64).
 */
final class TranscriptExports {
    static final Set<String> SUPPORTED = Set.of("srt", "txt", "segmented_json", "html", "docx", "pdf");
    static final Set<String> KNOWN = Set.of("srt", "txt", "segmented_json", "html", "docx", "pdf");
    static final double DEFAULT_SILENCE_S = 0.8, DEFAULT_MAX_DURATION_S = 10.0;
    static final int DEFAULT_MAX_CHARS = 200, DEFAULT_SRT_LINE = 42, DEFAULT_TXT_LINE = 100;

    private TranscriptExports() {}

    record Segment(List<Word> words, String speaker) {
        String text() { return String.join(" ", words.stream().map(Word::text).toList()); }

        double start() { return words.get(0).start() == null ? 0 : words.get(0).start(); }

        double end() { Double e = words.get(words.size() - 1).end(); return e == null ? 0 : e; }
    }

    static AdditionalFormat export(Chunk chunk, ExportOptions o) {
        List<Segment> segments = segments(chunk.words(), o);
        return switch (o.format()) {
            case "srt" -> new AdditionalFormat("srt", "srt", "application/x-subrip", false, srt(segments, o));
            case "txt" -> new AdditionalFormat("txt", "txt", "text/plain", false, txt(segments, o));
            case "segmented_json" -> new AdditionalFormat("segmented_json", "json", "application/json", false, segmentedJson(segments, o));
            case "html" -> new AdditionalFormat("html", "html", "text/html", false, html(segments, o));
            case "docx" -> new AdditionalFormat("docx", "docx", DocumentExports.DOCX_TYPE, true,
                    DocumentExports.base64(DocumentExports.docx(segments, o)));
            case "pdf" -> new AdditionalFormat("pdf", "pdf", DocumentExports.PDF_TYPE, true, DocumentExports.base64(DocumentExports.pdf(segments, o)));
            default -> throw new IllegalArgumentException("unsupported export format " + o.format());
        };
    }

    static List<Segment> segments(List<Word> all, ExportOptions o) {
        double silence = o.segmentOnSilenceLongerThanS() == null ? DEFAULT_SILENCE_S : o.segmentOnSilenceLongerThanS();
        double maxDuration = o.maxSegmentDurationS() == null ? DEFAULT_MAX_DURATION_S : o.maxSegmentDurationS();
        int maxChars = o.maxSegmentChars() == null ? DEFAULT_MAX_CHARS : o.maxSegmentChars();
        List<Segment> out = new ArrayList<>();
        List<Word> current = new ArrayList<>();
        int chars = 0;
        for (Word w : all) {
            if (!w.type().equals("word")) continue;
            if (!current.isEmpty()) {
                Word last = current.get(current.size() - 1);
                boolean timed = w.start() != null && last.end() != null && current.get(0).start() != null;
                boolean split = (timed && (w.start() - last.end() > silence || w.end() - current.get(0).start() > maxDuration))
                        || chars + 1 + w.text().length() > maxChars
                        || !java.util.Objects.equals(last.speakerId(), w.speakerId());
                if (split) {
                    out.add(new Segment(List.copyOf(current), last.speakerId()));
                    current.clear();
                    chars = 0;
                }
            }
            chars += (current.isEmpty() ? 0 : 1) + w.text().length();
            current.add(w);
        }
        if (!current.isEmpty()) out.add(new Segment(List.copyOf(current), current.get(0).speakerId()));
        return out;
    }

    static String srt(List<Segment> segments, ExportOptions o) {
        int width = o.maxCharactersPerLine() == null ? DEFAULT_SRT_LINE : o.maxCharactersPerLine();
        StringBuilder b = new StringBuilder();
        int n = 1;
        for (Segment s : segments) {
            b.append(n++).append('\n').append(time(s.start(), ',')).append(" --> ").append(time(s.end(), ',')).append('\n');
            b.append(String.join("\n", wrap(prefix(s, o) + s.text(), width))).append("\n\n");
        }
        return b.toString();
    }

    private static String txt(List<Segment> segments, ExportOptions o) {
        int width = o.maxCharactersPerLine() == null ? DEFAULT_TXT_LINE : o.maxCharactersPerLine();
        StringBuilder b = new StringBuilder();
        for (Segment s : segments) {
            String stamp = o.timestamps() ? "[" + time(s.start(), '.') + " - " + time(s.end(), '.') + "] " : "";
            b.append(String.join("\n", wrap(stamp + prefix(s, o) + s.text(), width))).append('\n');
        }
        return b.toString();
    }

    private static String segmentedJson(List<Segment> segments, ExportOptions o) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        ArrayNode arr = root.putArray("segments");
        for (Segment s : segments) {
            ObjectNode seg = arr.addObject();
            seg.put("text", s.text());
            if (o.timestamps()) {
                seg.put("start_time", s.start());
                seg.put("end_time", s.end());
            }
            if (o.speakers()) seg.put("speaker_id", s.speaker());
            seg.set("words", Json.MAPPER.valueToTree(s.words()));
        }
        return Json.write(root);
    }

    private static String html(List<Segment> segments, ExportOptions o) {
        StringBuilder b = new StringBuilder("<!DOCTYPE html>\n<html>\n<head><meta charset=\"utf-8\"><title>Transcript</title></head>\n<body>\n");
        for (Segment s : segments) {
            b.append("<p>");
            if (o.timestamps()) b.append("<span class=\"timestamp\">[").append(time(s.start(), '.')).append(" - ").append(time(s.end(), '.')).append("]</span> ");
            if (o.speakers() && s.speaker() != null) b.append("<strong class=\"speaker\">").append(escape(s.speaker())).append(":</strong> ");
            b.append(escape(s.text())).append("</p>\n");
        }
        return b.append("</body>\n</html>\n").toString();
    }

    private static String prefix(Segment s, ExportOptions o) {
        return o.speakers() && s.speaker() != null ? s.speaker() + ": " : "";
    }

    static String time(double seconds, char msSeparator) {
        long ms = Math.round(seconds * 1000);
        return String.format(Locale.ROOT, "%02d:%02d:%02d%c%03d", ms / 3_600_000, ms / 60_000 % 60, ms / 1000 % 60, msSeparator, ms % 1000);
    }

    static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) line.append(' ');
            line.append(word);
        }
        if (line.length() > 0 || lines.isEmpty()) lines.add(line.toString());
        return lines;
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
