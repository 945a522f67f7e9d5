package dev.timbre.dubbing;

import dev.timbre.http.ApiException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code csv_file} of a manual dub, as ElevenLabs documents it: a header row naming the columns
 * {@code speaker,start_time,end_time,transcription} and optionally {@code translation} (any order, case ignored), then
 * one row per segment. Times: {@code HH:MM:SS,mmm} or {@code HH:MM:SS.mmm} (also {@code MM:SS.mmm}), plain seconds
 * ({@code 12.5}), or SMPTE frames {@code HH:MM:SS:FF} ({@code ;FF} for drop-frame is read the same), at
 * {@code csv_fps}, else at the smallest of {@link #RATES} above every frame number in the file. Times are seconds of
 * the source media. RFC 4180 quoting (commas, quotes {@code ""} and newlines inside quotes); UTF-8, a BOM skipped; blank
 * lines skipped. Bounded: {@link #MAX_BYTES}, {@link #MAX_ROWS}. Any fault → 422 at {@code body.csv_file} naming the
 * row (the header is row 1). Pure and thread-safe.
 */
final class DubbingCsv {
    static final int MAX_BYTES = 2 << 20, MAX_ROWS = 5000;
    static final double[] RATES = {24, 25, 30, 48, 50, 60};
    private static final Pattern CLOCK = Pattern.compile("(?:(\\d{1,3}):)?(\\d{1,2}):(\\d{1,2}(?:[.,]\\d{1,9})?)");
    private static final Pattern FRAMES = Pattern.compile("(\\d{1,3}):(\\d{1,2}):(\\d{1,2})[:;](\\d{1,3})");
    private static final Pattern SECONDS = Pattern.compile("\\d{1,7}(?:\\.\\d{1,9})?");

    /** One segment; {@code translation} null when the column is absent or the cell empty. Seconds of the source. */
    record Row(int row, String speaker, double start, double end, String transcription, String translation) {}

    private DubbingCsv() {}

    /**
     * @param fps        {@code csv_fps}, or null to infer it from the frame numbers
     * @param rangeStart seconds of the source where the dub starts; rows before it are refused
     * @param rangeEnd   seconds of the source where the dub ends (the media's end or {@code end_time}); rows past it refused
     * @return the rows sorted by start time (stable: file order for equal starts)
     */
    static List<Row> parse(byte[] csv, Double fps, double rangeStart, double rangeEnd) {
        if (csv.length == 0) throw fault("the CSV file is empty");
        if (csv.length > MAX_BYTES) throw fault("the CSV file is larger than " + (MAX_BYTES >> 20) + " MiB");
        String text = new String(csv, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        List<List<String>> records = records(text);
        if (records.isEmpty()) throw fault("the CSV file is empty");
        Map<String, Integer> at = new HashMap<>();
        List<String> header = records.get(0);
        for (int i = 0; i < header.size(); i++) at.putIfAbsent(header.get(i).strip().toLowerCase(Locale.ROOT), i);
        for (String c : List.of("speaker", "start_time", "end_time", "transcription")) {
            if (!at.containsKey(c)) throw fault("row 1: the header has no '" + c + "' column (expected speaker,start_time,end_time,transcription,translation)");
        }
        if (records.size() == 1) throw fault("the CSV file has no rows after its header");
        if (records.size() - 1 > MAX_ROWS) throw fault("row " + (MAX_ROWS + 2) + ": more than " + MAX_ROWS + " rows");
        double rate = fps != null ? fps : inferRate(records, at);
        List<Row> rows = new ArrayList<>();
        for (int r = 1; r < records.size(); r++) {
            List<String> cells = records.get(r);
            int n = r + 1;
            if (cells.size() < header.size()) throw fault("row " + n + ": " + cells.size() + " columns, the header has " + header.size());
            String speaker = cells.get(at.get("speaker")).strip();
            if (speaker.isEmpty()) throw fault("row " + n + ": speaker is empty");
            if (speaker.length() > 100) throw fault("row " + n + ": speaker is longer than 100 characters");
            double start = time(cells.get(at.get("start_time")), rate, fps, n, "start_time");
            double end = time(cells.get(at.get("end_time")), rate, fps, n, "end_time");
            if (end <= start) throw fault("row " + n + ": end_time must be after start_time");
            if (start < rangeStart - 1e-3) throw fault("row " + n + ": start_time " + start + " s is before the start of the dubbed range (" + rangeStart + " s)");
            if (end > rangeEnd + 0.05) throw fault("row " + n + ": end_time " + end + " s is past the end of the media (" + round(rangeEnd) + " s)");
            String said = cells.get(at.get("transcription")).strip();
            String translated = at.containsKey("translation") ? cells.get(at.get("translation")).strip() : "";
            if (said.isEmpty()) throw fault("row " + n + ": transcription is empty");
            rows.add(new Row(n, speaker, start, Math.min(end, rangeEnd), said, translated.isEmpty() ? null : translated));
        }
        rows.sort(Comparator.comparingDouble(Row::start));
        return rows;
    }

    /** Speakers in order of first appearance (by start time): CSV name → {@code speaker_0}, {@code speaker_1}, …. */
    static Map<String, String> speakerIds(List<Row> rows) {
        Map<String, String> ids = new java.util.LinkedHashMap<>();
        for (Row r : rows) ids.computeIfAbsent(r.speaker(), k -> "speaker_" + ids.size());
        return ids;
    }

    /**
     * The rows as the transcription stage's result: speakers named as in the CSV ({@link #speakerIds}), segments
     * {@code seg_0000}, … in row order, times less {@code offset} (the dubbed range's start).
     */
    static SourceTranscript.Result transcript(List<Row> rows, String language, double offset) {
        Map<String, String> ids = speakerIds(rows);
        List<SegmentRepository.Segment> segments = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            segments.add(new SegmentRepository.Segment(segmentId(i), ids.get(r.speaker()), Math.max(0, r.start() - offset), r.end() - offset,
                    r.transcription()));
        }
        List<SegmentRepository.Speaker> speakers = ids.entrySet().stream().map(e -> new SegmentRepository.Speaker(e.getValue(), e.getKey(), "{}")).toList();
        return new SourceTranscript.Result(language, speakers, segments);
    }

    /** The id of the segment made of the {@code i}th row (sorted); as {@link SourceTranscript} numbers them. */
    static String segmentId(int i) {
        return String.format("seg_%04d", i);
    }

    private static double time(String cell, double rate, Double fps, int row, String column) {
        String v = cell.strip();
        Matcher m = FRAMES.matcher(v);
        if (m.matches()) {
            int frame = Integer.parseInt(m.group(4));
            if (frame >= rate) throw fault("row " + row + ": " + column + " '" + v + "' has frame " + frame + ", not below csv_fps " + fmt(rate));
            return clock(m.group(1), m.group(2), m.group(3), row, column, v) + frame / rate;
        }
        m = CLOCK.matcher(v);
        if (m.matches()) return clock(m.group(1), m.group(2), m.group(3).replace(',', '.'), row, column, v);
        if (SECONDS.matcher(v).matches()) return Double.parseDouble(v);
        throw fault("row " + row + ": " + column + " '" + abbreviate(v) + "' is not a time (HH:MM:SS,mmm, HH:MM:SS:FF or seconds)");
    }

    private static double clock(String h, String m, String s, int row, String column, String v) {
        int minutes = Integer.parseInt(m);
        double seconds = Double.parseDouble(s);
        if (minutes > 59 || seconds >= 60) throw fault("row " + row + ": " + column + " '" + v + "' has minutes or seconds past 59");
        return (h == null ? 0 : Integer.parseInt(h)) * 3600 + minutes * 60 + seconds;
    }

    private static double inferRate(List<List<String>> records, Map<String, Integer> at) {
        int highest = -1;
        for (List<String> cells : records.subList(1, records.size())) {
            for (String c : List.of("start_time", "end_time")) {
                int i = at.get(c);
                if (i >= cells.size()) continue;
                Matcher m = FRAMES.matcher(cells.get(i).strip());
                if (m.matches()) highest = Math.max(highest, Integer.parseInt(m.group(4)));
            }
        }
        for (double r : RATES) if (highest < r) return r;
        throw fault("frame number " + highest + " is past every frame rate this server infers (at most 60); send csv_fps");
    }

    /** RFC 4180 records; blank lines skipped; a quote left open is a fault. */
    private static List<List<String>> records(String text) {
        List<List<String>> out = new ArrayList<>();
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false, any = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
                any = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
                any = true;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') i++;
                end(out, cells, cell, any);
                cells = new ArrayList<>();
                any = false;
            } else {
                cell.append(c);
                if (!Character.isWhitespace(c)) any = true;
            }
            if (out.size() > MAX_ROWS + 1) throw fault("row " + (MAX_ROWS + 2) + ": more than " + MAX_ROWS + " rows");
        }
        if (quoted) throw fault("row " + (out.size() + 1) + ": a quoted cell is not closed");
        end(out, cells, cell, any);
        return out;
    }

    private static void end(List<List<String>> out, List<String> cells, StringBuilder cell, boolean any) {
        if (any) {
            cells.add(cell.toString());
            out.add(cells);
        }
        cell.setLength(0);
    }

    private static String abbreviate(String v) {
        return v.length() > 40 ? v.substring(0, 40) + "…" : v;
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    private static ApiException fault(String msg) {
        return ApiException.invalid(msg, "value_error", "body", "csv_file");
    }
}
