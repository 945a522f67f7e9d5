package dev.timbre.texttospeech;

import dev.timbre.voices.VoiceSettings;
import java.util.ArrayList;
import java.util.List;

/**
 * The text buffer of one context (the single socket has one): text is added as it arrives and taken out in pieces to
 * generate, following the chunk length schedule (the n-th generation waits for {@code schedule[n]} characters, the
 * last entry repeating), unless a trigger, flush or auto mode takes it earlier. Voice settings and schedule are fixed
 * by the context's first message. Not thread-safe: used by the thread that receives the socket's messages.
 */
final class StreamInputContext {
    static final List<Integer> DEFAULT_SCHEDULE = List.of(120, 160, 250, 290);

    final String id;
    final VoiceSettings voiceSettings;
    private final List<Integer> schedule;
    private final StringBuilder buffer = new StringBuilder();
    private int generations;

    StreamInputContext(String id, VoiceSettings voiceSettings, List<Integer> schedule) {
        this.id = id;
        this.voiceSettings = voiceSettings;
        this.schedule = schedule == null ? DEFAULT_SCHEDULE : schedule;
    }

    /** Buffers {@code text}; whitespace alone does not start a buffer (the initial message's " "). */
    void add(String text) {
        if (text == null || buffer.length() == 0 && text.isBlank()) return;
        buffer.append(text);
    }

    /** The pieces the schedule releases now: whole words, each at least the threshold it waited for. */
    List<String> scheduled() {
        List<String> out = new ArrayList<>();
        while (buffer.length() >= threshold()) {
            int cut = lastWordEnd(buffer.length());
            if (cut < threshold()) break;
            out.add(take(cut));
        }
        return out;
    }

    /** Auto mode: everything up to the last completed sentence. */
    List<String> sentences() {
        int cut = 0;
        for (int i = 0; i < buffer.length() - 1; i++) {
            char c = buffer.charAt(i);
            if ((c == '.' || c == '!' || c == '?' || c == ';') && Character.isWhitespace(buffer.charAt(i + 1))) cut = i + 2;
        }
        return cut == 0 ? List.of() : List.of(take(cut));
    }

    /** Flush, try-trigger and the end of the stream: the whole buffer, if it holds anything to say. */
    List<String> all() {
        if (buffer.toString().isBlank()) {
            buffer.setLength(0);
            return List.of();
        }
        return List.of(take(buffer.length()));
    }

    /** Drops what was not generated yet (a closed context generates nothing more). */
    void discard() {
        buffer.setLength(0);
    }

    private int threshold() {
        return schedule.get(Math.min(generations, schedule.size() - 1));
    }

    /** The end of the last whole word (just after a whitespace) within the first {@code limit} characters, or 0. */
    private int lastWordEnd(int limit) {
        for (int i = limit; i > 0; i--) if (Character.isWhitespace(buffer.charAt(i - 1))) return i;
        return 0;
    }

    private String take(int n) {
        String piece = buffer.substring(0, n);
        buffer.delete(0, n);
        generations++;
        return piece;
    }
}
