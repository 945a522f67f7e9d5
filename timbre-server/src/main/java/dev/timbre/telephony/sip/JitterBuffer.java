package dev.timbre.telephony.sip;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Reorders received audio packets by sequence number and fills gaps. Holds up to {@code depth} packets before it
 * releases the oldest: a packet that arrives late but within that window takes its place; one later than that is
 * dropped, and a sequence number still missing when its turn comes is filled with a copy of silence of the previous
 * frame's length. A jump of more than {@link #RESYNC} packets either way (the sender restarted) starts over. Not thread-safe:
 * one receive thread uses it.
 */
public final class JitterBuffer {
    /** A gap larger than this (packets) is a new stream, not loss: no fill. */
    static final int RESYNC = 50;
    private static final byte ULAW_SILENCE = (byte) 0xff;

    private final int depth;
    private final TreeMap<Integer, byte[]> held = new TreeMap<>((a, b) -> RtpPacket.seqDiff(a, b));
    private int next = -1;
    private int lastLength = 160;
    private long filled;

    /** @param depth packets held back for reordering (3 = 60 ms at 20 ms packets) */
    public JitterBuffer(int depth) {
        this.depth = depth;
    }

    /**
     * Takes one packet's μ-law payload; returns the frames now due, in order (gaps filled), possibly none.
     */
    public List<byte[]> push(int sequence, byte[] ulaw) {
        List<byte[]> out = new ArrayList<>();
        if (next >= 0) {
            int ahead = RtpPacket.seqDiff(sequence, next);
            if (ahead < 0 && ahead >= -RESYNC) return out; // too late (or a duplicate already played)
            if (ahead > RESYNC || ahead < -RESYNC) { // a new stream: play out what we have, then start from here
                out.addAll(drain());
                next = sequence;
            }
        } else {
            next = sequence;
        }
        held.putIfAbsent(sequence, ulaw);
        while (held.size() > depth) out.add(takeNext());
        return out;
    }

    /** Everything still held, in order, gaps filled (the stream ended). */
    public List<byte[]> drain() {
        List<byte[]> out = new ArrayList<>();
        while (!held.isEmpty()) out.add(takeNext());
        return out;
    }

    /** Frames filled in for lost packets so far. */
    public long filled() { return filled; }

    private byte[] takeNext() {
        byte[] frame = held.remove(next);
        if (frame == null) {
            frame = new byte[lastLength];
            java.util.Arrays.fill(frame, ULAW_SILENCE);
            filled++;
        } else {
            lastLength = frame.length;
        }
        next = (next + 1) & 0xffff;
        return frame;
    }
}
