package dev.timbre.convai.recording;

/**
 * Mixes both sides of a voice call into one mono 16 kHz track on the call timeline, as the user would have heard it
 * with their own voice: user chunks are placed at {@code max(arrival, end of the previous user chunk)} (so the user's
 * audio stays contiguous even when it arrives in bursts), agent chunks at their playback time; where both overlap the
 * samples are summed and clipped to 16 bits. Sample {@code n} is at {@code n / 16} ms from the start of the session.
 *
 * <p>Bounded: the track holds at most {@code maxSeconds} of audio; anything placed later is dropped. Storage is
 * blocks of one second ({@code short[16000]}), allocated when audio first lands in them, so silence before the first
 * audio and gaps with no audio cost nothing. Thread-safe (the session loop feeds it; {@link #finish} may come from
 * another thread); audio after {@link #finish} is ignored.
 */
public final class CallRecording {
    public static final int SAMPLE_RATE = 16_000;
    /** The longest recording kept, whatever the conversation's limit. */
    public static final int MAX_SECONDS = 3600;
    static final int BLOCK = SAMPLE_RATE;

    private final long maxSamples;
    private final short[][] blocks;
    private long length;
    private long userEnd;
    private boolean user;
    private boolean agent;
    private boolean finished;

    /** @param maxSeconds the cap on the track's length, 1 to {@link #MAX_SECONDS} (larger values are capped) */
    public CallRecording(int maxSeconds) {
        int seconds = Math.max(1, Math.min(maxSeconds, MAX_SECONDS));
        this.maxSamples = (long) seconds * SAMPLE_RATE;
        this.blocks = new short[seconds][];
    }

    /** User audio, 16 kHz mono, that arrived at {@code atMillis} from the start of the session. */
    public synchronized void userAudio(short[] pcm16k, long atMillis) {
        if (finished || pcm16k == null || pcm16k.length == 0) return;
        long at = Math.max(samplesAt(atMillis), userEnd);
        userEnd = at + pcm16k.length;
        user |= mix(pcm16k, at);
    }

    /** Agent audio, 16 kHz mono, that the user hears from {@code atMillis} after the start of the session. */
    public synchronized void agentAudio(short[] pcm16k, long atMillis) {
        if (finished || pcm16k == null || pcm16k.length == 0) return;
        agent |= mix(pcm16k, samplesAt(atMillis));
    }

    /** Whether {@link #finish} was called. */
    public synchronized boolean isFinished() {
        return finished;
    }

    /** The track's length so far, in samples. */
    public synchronized long samples() {
        return length;
    }

    /**
     * A copy of samples {@code [from, min(to, samples()))} as s16le bytes (0 in gaps), for the live parts a running
     * call writes ({@code convai.conversations.LiveRecordings}); empty when the range is. The caller bounds the range.
     */
    public synchronized byte[] pcm(long from, long to) {
        long end = Math.min(to, length);
        if (from < 0 || end <= from) return new byte[0];
        byte[] out = new byte[(int) (end - from) * 2];
        for (long pos = from; pos < end; pos++) {
            short[] block = blocks[(int) (pos / BLOCK)];
            short s = block == null ? 0 : block[(int) (pos % BLOCK)];
            int i = (int) (pos - from) * 2;
            out[i] = (byte) s;
            out[i + 1] = (byte) (s >> 8);
        }
        return out;
    }

    /** Ends the recording and hands over its audio; later calls return the same result with no further audio. */
    public synchronized RecordedCall finish() {
        finished = true;
        return new RecordedCall(blocks, length, user, agent);
    }

    /** Adds {@code pcm} from sample {@code at}; true when any of it fitted under the cap. */
    private boolean mix(short[] pcm, long at) {
        int n = (int) Math.max(0, Math.min(pcm.length, maxSamples - at));
        for (int i = 0; i < n; i++) {
            long pos = at + i;
            short[] block = blocks[(int) (pos / BLOCK)];
            if (block == null) block = blocks[(int) (pos / BLOCK)] = new short[BLOCK];
            int j = (int) (pos % BLOCK);
            block[j] = clip(block[j] + pcm[i]);
        }
        if (n > 0) length = Math.max(length, at + n);
        return n > 0;
    }

    private static long samplesAt(long millis) {
        return Math.max(0, millis) * (SAMPLE_RATE / 1000);
    }

    private static short clip(int sample) {
        return (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, sample));
    }
}
