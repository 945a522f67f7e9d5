package dev.timbre.agent.voice;

import dev.timbre.engine.SentenceSplitter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * One agent reply (a response event id) on its way to the user's ears, the one object that carries its state: its
 * text as it streams in (each sentence is released for synthesis as soon as its end is seen, the rest when the reply
 * ends), whether its first audio came back, when each character starts playing (the playback marks), and its cut.
 * Bounded: text past {@link #MAX_CHARS} is not spoken; marks are a character each, so as bounded as the text. The
 * conversation creates it when the session's response starts; {@link Speaking} fills and speaks it, {@link Playback}
 * marks it. Loop thread only.
 */
final class AgentReply {
    /** About ten minutes of speech; an LLM reply never gets near it unless something is wrong. */
    static final int MAX_CHARS = 10_000;

    /** A sentence to speak and where it starts in the reply text. */
    record Sentence(String text, int offset) {}

    /** The session's event id: what the client sees on this reply's parts, audio and interruption. */
    final int eventId;
    /** Sent as parts (start, deltas, stop) rather than whole. */
    final boolean streamed;
    private final StringBuilder text = new StringBuilder();
    /** When each character starts playing and the text offset just past it, as {@code {atMs, offsetEnd}}. */
    private final ArrayDeque<long[]> marks = new ArrayDeque<>();
    private int released;
    private boolean ended;
    private boolean cut;
    private boolean firstAudio;

    AgentReply(int eventId, boolean streamed) {
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

    /** The reply is complete; returns the remaining sentences. */
    List<Sentence> end() {
        if (ended || cut) return List.of();
        ended = true;
        return release(true);
    }

    /** A streamed reply whose text may still grow. */
    boolean open() { return streamed && !ended && !cut; }

    /** Barge-in: the reply takes no more text. */
    void cut() { cut = true; }

    /** True the first time it is called after audio came back: the reply's first synthesized audio. */
    boolean firstAudio() {
        if (firstAudio) return false;
        firstAudio = true;
        return true;
    }

    String text() { return text.toString(); }

    /** The character ending at text offset {@code offsetEnd} starts playing at loop time {@code atMs} (epoch ms). */
    void mark(long atMs, int offsetEnd) { marks.add(new long[] {atMs, offsetEnd}); }

    /** Playback was cut at {@code nowMs}: characters due later will never be heard. */
    void unmarkAfter(long nowMs) { marks.removeIf(m -> m[0] > nowMs); }

    /** The text heard by {@code nowMs} (empty when none of its audio has played yet). */
    String heardBy(long nowMs) {
        int offset = 0;
        for (long[] m : marks) if (m[0] <= nowMs) offset = Math.max(offset, (int) m[1]);
        return heard(offset);
    }

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
