package dev.timbre.agent.voice;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What the user hears: the client plays the agent audio we send in real time, one chunk after another, so a chunk
 * sent at loop time {@code t} starts playing at {@code max(t, end of what was queued before)}. Knows at any loop time
 * whether the agent is audible, how much audio is queued ahead, and which replies are still playing; each reply keeps
 * its own playback marks ({@link AgentReply#mark}). Holds each chunk's 16 kHz copy until it has been played, then
 * hands it to the recorder; a {@link #cut} records the part heard and drops the rest. Times are loop milliseconds
 * (epoch). Loop thread only.
 */
final class Playback {
    /** Receives played agent audio: 16 kHz samples and the loop time (epoch ms) they started playing. */
    interface Recorder {
        void played(short[] pcm16k, long startMs);
    }

    private record Chunk(AgentReply reply, long startMs, long endMs, short[] pcm16k) {}

    private final Recorder recorder;
    private final ArrayDeque<Chunk> queued = new ArrayDeque<>();
    private long playEnd;

    Playback(Recorder recorder) { this.recorder = recorder; }

    /** A chunk of {@code durationMs} of {@code reply} is sent now; returns when it starts playing. */
    long sent(AgentReply reply, long nowMs, int durationMs, short[] pcm16k) {
        long start = Math.max(nowMs, playEnd);
        playEnd = start + durationMs;
        queued.add(new Chunk(reply, start, playEnd, pcm16k));
        return start;
    }

    boolean audible(long nowMs) { return playEnd > nowMs; }

    /** Milliseconds of sent audio not played yet. */
    long aheadMs(long nowMs) { return Math.max(0, playEnd - nowMs); }

    /** Replies with audio still playing or queued at {@code nowMs}, in the order they were sent. */
    Set<AgentReply> audibleReplies(long nowMs) {
        Set<AgentReply> replies = new LinkedHashSet<>();
        for (Chunk c : queued) if (c.endMs() > nowMs) replies.add(c.reply());
        return replies;
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
            c.reply().unmarkAfter(nowMs);
            it.remove();
        }
        playEnd = Math.min(playEnd, nowMs);
    }

    /** The call ended: everything sent is recorded (the client plays what it has). */
    void releaseAll() { release(Long.MAX_VALUE); }
}
