package dev.timbre.agent.voice;

import dev.timbre.engine.SentenceSplitter;
import java.util.ArrayList;
import java.util.List;

/**
 * The text of one agent response (an event id) as it is spoken: streamed deltas accumulate, and each sentence is
 * released for synthesis as soon as its end is seen (the next sentence has begun); the rest is released when the
 * response ends. Bounded: text past {@link #MAX_CHARS} is not spoken. Loop thread only.
 */
final class SpokenResponse {
    /** About ten minutes of speech; an LLM reply never gets near it unless something is wrong. */
    static final int MAX_CHARS = 10_000;

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
