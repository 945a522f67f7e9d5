package dev.timbre.agent.voice;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeSet;

/**
 * What the user hears: the client plays the agent audio we send in real time, one chunk after another, so a chunk
 * sent at loop time {@code t} starts playing at {@code max(t, end of what was queued before)}. Knows at any loop time
 * whether the agent is audible, how much audio is queued ahead, and how far into each response's text the user has
 * heard (from the alignment). Holds each chunk's 16 kHz copy until it has been played, then hands it to the recorder;
 * a {@link #cut} records the part heard and drops the rest. Times are loop milliseconds (epoch). Loop thread only.
 */
final class Playback {
    /** Receives played agent audio: 16 kHz samples and the loop time (epoch ms) they started playing. */
    interface Recorder {
        void played(short[] pcm16k, long startMs);
    }

    private record Chunk(int eventId, long startMs, long endMs, short[] pcm16k) {}

    private final Recorder recorder;
    private final ArrayDeque<Chunk> queued = new ArrayDeque<>();
    /** Per response: when each character starts playing and the text offset just past it, as {@code {atMs, offsetEnd}}. */
    private final Map<Integer, ArrayDeque<long[]>> heard = new HashMap<>();
    private long playEnd;

    Playback(Recorder recorder) { this.recorder = recorder; }

    /** A chunk of {@code durationMs} of response {@code eventId} is sent now; returns when it starts playing. */
    long sent(int eventId, long nowMs, int durationMs, short[] pcm16k) {
        long start = Math.max(nowMs, playEnd);
        playEnd = start + durationMs;
        queued.add(new Chunk(eventId, start, playEnd, pcm16k));
        return start;
    }

    /** The character of response {@code eventId} ending at text offset {@code offsetEnd} starts playing at {@code atMs}. */
    void character(int eventId, long atMs, int offsetEnd) {
        heard.computeIfAbsent(eventId, id -> new ArrayDeque<>()).add(new long[] {atMs, offsetEnd});
        if (heard.size() > 16) heard.remove(heard.keySet().stream().min(Integer::compare).orElseThrow());
    }

    /** Text offset of response {@code eventId} heard by {@code nowMs} (0 when nothing was). */
    int heardOffset(int eventId, long nowMs) {
        ArrayDeque<long[]> h = heard.get(eventId);
        if (h == null) return 0;
        int offset = 0;
        for (long[] m : h) if (m[0] <= nowMs) offset = Math.max(offset, (int) m[1]);
        return offset;
    }

    boolean audible(long nowMs) { return playEnd > nowMs; }

    /** Milliseconds of sent audio not played yet. */
    long aheadMs(long nowMs) { return Math.max(0, playEnd - nowMs); }

    /** Loop time (epoch ms) when everything sent so far has been played. */
    long playEnd() { return playEnd; }

    /** Responses with audio still playing or queued at {@code nowMs}. */
    TreeSet<Integer> audibleEvents(long nowMs) {
        TreeSet<Integer> ids = new TreeSet<>();
        for (Chunk c : queued) if (c.endMs() > nowMs) ids.add(c.eventId());
        return ids;
    }

    /** Records the chunks fully played by {@code nowMs}. */
    void release(long nowMs) {
        while (!queued.isEmpty() && queued.peek().endMs() <= nowMs) {
            Chunk c = queued.poll();
            recorder.played(c.pcm16k(), c.startMs());
        }
    }

    /** Barge-in at {@code nowMs}: the chunk playing is recorded up to now, later chunks are dropped, nothing plays. */
    void cut(long nowMs) {
        release(nowMs);
        for (Iterator<Chunk> it = queued.iterator(); it.hasNext(); ) {
            Chunk c = it.next();
            if (c.startMs() < nowMs) {
                int samples = (int) Math.min(c.pcm16k().length, (nowMs - c.startMs()) * InputAudio.RATE / 1000);
                if (samples > 0) recorder.played(Arrays.copyOf(c.pcm16k(), samples), c.startMs());
            }
            it.remove();
        }
        for (ArrayDeque<long[]> h : heard.values()) h.removeIf(m -> m[0] > nowMs);
        playEnd = Math.min(playEnd, nowMs);
    }

    /** The call ended: everything sent is recorded (the client plays what it has). */
    void releaseAll() { release(Long.MAX_VALUE); }
}
