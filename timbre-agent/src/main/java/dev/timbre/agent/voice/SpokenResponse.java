package dev.timbre.agent.voice;

import dev.timbre.engine.SentenceSplitter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text of one agent response (an event id) as it is spoken: streamed deltas accumulate, and each sentence is
 * released for synthesis as soon as its end is seen (the next sentence has begun); the rest is released when the
 * response ends. The response's first clause goes ahead of its sentence ("Sure," of "Sure, I can help with that.")
 * as soon as the next word begins: a short first utterance reaches its first audio sooner (MaryTTS: ~50 → ~30 ms).
 * Bounded: text past {@link #MAX_CHARS} is not spoken. Loop thread only.
 */
final class SpokenResponse {
    /** About ten minutes of speech; an LLM reply never gets near it unless something is wrong. */
    static final int MAX_CHARS = 10_000;

    /** A first clause: up to 80 characters (no sentence end) and a word's last letter, then a comma, semicolon or colon, a space and the next word. */
    private static final Pattern FIRST_CLAUSE = Pattern.compile("\\s*([^.!?,;:]{0,80}\\p{L}[,;:])\\s+\\S");

    /** A sentence to speak and where it starts in the response text. */
    record Sentence(String text, int offset) {}

    final int eventId;
    final boolean streamed;
    private final StringBuilder text = new StringBuilder();
    private int released;
    boolean ended;
    boolean cut;

    SpokenResponse(int eventId, boolean streamed) {
        this.eventId = eventId;
        this.streamed = streamed;
    }

    /** Adds streamed text; returns the sentences now complete. */
    List<Sentence> append(String delta) {
        if (ended || cut || delta == null) return List.of();
        int room = MAX_CHARS - text.length();
        if (room <= 0) return List.of();
        text.append(delta, 0, Math.min(room, delta.length()));
        return release(false);
    }

    /** The response is complete; returns the remaining sentences. */
    List<Sentence> end() {
        if (ended || cut) return List.of();
        ended = true;
        return release(true);
    }

    String text() { return text.toString(); }

    /** The text heard up to {@code offset}, extended to the end of the word being spoken there. */
    String heard(int offset) {
        int end = Math.min(Math.max(0, offset), text.length());
        while (end > 0 && end < text.length() && !Character.isWhitespace(text.charAt(end))
                && !Character.isWhitespace(text.charAt(end - 1))) end++;
        return text.substring(0, end).strip();
    }

    private List<Sentence> release(boolean all) {
        if (released == 0 && !all) {
            Matcher clause = FIRST_CLAUSE.matcher(text);
            if (clause.lookingAt() && clause.end(1) < text.length()) {
                released = clause.end(1);
                return List.of(new Sentence(clause.group(1).strip(), clause.start(1)));
            }
        }
        String pending = text.substring(released);
        List<String> pieces = SentenceSplitter.split(pending);
        int count = all ? pieces.size() : pieces.size() - 1;
        List<Sentence> out = new ArrayList<>();
        int cursor = 0;
        for (int i = 0; i < count; i++) {
            String piece = pieces.get(i);
            int at = pending.indexOf(piece, cursor);
            if (at < 0) at = cursor;
            out.add(new Sentence(piece, released + at));
            cursor = at + piece.length();
        }
        released += all ? pending.length() : cursor;
        return out;
    }
}
