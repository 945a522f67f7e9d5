import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * A phone caller for the phone benchmarks, whatever carries the call (an RTP stream: {@link SipCall}; a Twilio Media
 * Stream: {@link TwilioCall}): sends the caller's 20 ms μ-law frames on a drift-free schedule (the utterance, else
 * silence, as a phone does) and keeps the arrival time of each agent frame. A {@link #turn} is measured like
 * {@link VoiceCall#turn}: the send time of the frame holding the last voiced sample → the arrival of the first agent
 * frame carrying sound (any byte that is not μ-law silence). One thread runs it; the carrier's receive thread only
 * calls {@link #arrived}.
 */
abstract class PhoneCaller implements AutoCloseable {
    static final int FRAME = 160; // 20 ms of μ-law at 8 kHz
    static final long PAUSE_MS = 600;
    private static final long FRAME_NANOS = 20_000_000L;

    /** Arrival (nanoTime), 1 when the frame carries sound, payload bytes; appended by the receive thread. */
    private final List<long[]> heard = java.util.Collections.synchronizedList(new ArrayList<>());
    private long nextSend;

    /** Sends one 20 ms frame of the caller's μ-law (exactly {@link #FRAME} bytes). */
    protected abstract void send(byte[] frame) throws Exception;

    /** Starts the caller's clock; call once the call is up. */
    protected void begin() { nextSend = System.nanoTime(); }

    /** An agent frame ({@code payload} μ-law) arrived at {@code atNanos}. */
    protected void arrived(long atNanos, byte[] payload, int offset, int length) {
        boolean sound = false;
        for (int i = offset; i < offset + length && !sound; i++) sound = payload[i] != (byte) 0xFF && payload[i] != (byte) 0x7F;
        heard.add(new long[] {atNanos, sound ? 1 : 0, length});
    }

    /** Speaks {@code ulaw} (whose last voiced sample is at {@code voicedEnd}) and waits for the reply; null when none came in 20 s. */
    Double turn(byte[] ulaw, int voicedEnd) throws Exception {
        int frames = (ulaw.length + FRAME - 1) / FRAME;
        int voicedFrame = Math.max(0, (voicedEnd - 1) / FRAME);
        long voicedSentAt = 0;
        int from = heard.size();
        nextSend = Math.max(nextSend, System.nanoTime()); // after a pause (another path's turn): real time again, no burst
        for (int i = 0; i < frames; i++) {
            long at = tick(Arrays.copyOfRange(ulaw, i * FRAME, (i + 1) * FRAME));
            if (i == voicedFrame) voicedSentAt = at;
        }
        long deadline = System.nanoTime() + 20_000_000_000L;
        long first = 0;
        while (first == 0) {
            if (System.nanoTime() > deadline) return null;
            tick(null);
            synchronized (heard) {
                for (int i = from; i < heard.size() && first == 0; i++) if (heard.get(i)[1] == 1 && heard.get(i)[0] >= voicedSentAt) first = heard.get(i)[0];
            }
        }
        long quietSince = System.nanoTime();
        while (System.nanoTime() - quietSince < PAUSE_MS * 1_000_000 + 300_000_000L) { // the reply plays out, then a pause
            tick(null);
            synchronized (heard) {
                if (!heard.isEmpty() && heard.get(heard.size() - 1)[1] == 1) quietSince = heard.get(heard.size() - 1)[0];
            }
        }
        return (first - voicedSentAt) / 1e6;
    }

    /**
     * Sends silence for {@code ms} while the agent speaks (its first message), then reports what arrived: frames,
     * frames with sound, and the longest gap between two consecutive frames (ms) once the first one came.
     */
    long[] listen(long ms) throws Exception {
        long end = System.nanoTime() + ms * 1_000_000;
        while (System.nanoTime() < end) tick(null);
        synchronized (heard) {
            long maxGap = 0, sound = 0;
            for (int i = 0; i < heard.size(); i++) {
                if (heard.get(i)[1] == 1) sound++;
                if (i > 0) maxGap = Math.max(maxGap, heard.get(i)[0] - heard.get(i - 1)[0]);
            }
            return new long[] {heard.size(), sound, maxGap / 1_000_000};
        }
    }

    /** Waits for the next 20 ms slot and sends one frame ({@code frame} padded with silence, or silence); returns the send time. */
    private long tick(byte[] frame) throws Exception {
        long wait = nextSend - System.nanoTime();
        if (wait > 0) LockSupport.parkNanos(wait);
        nextSend += FRAME_NANOS;
        byte[] payload = new byte[FRAME];
        Arrays.fill(payload, (byte) 0xFF);
        if (frame != null) System.arraycopy(frame, 0, payload, 0, frame.length);
        long at = System.nanoTime();
        send(payload);
        return at;
    }
}
