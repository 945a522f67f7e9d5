package dev.timbre.telephony.sip;

import java.nio.ByteBuffer;

/**
 * One RTP packet (RFC 3550), fixed header only: CSRC lists and header extensions of received packets are skipped,
 * padding removed. Immutable.
 *
 * @param payloadType 0–127 (0 PCMU, 8 PCMA, a dynamic number for telephone-event)
 * @param sequence 16-bit sequence number, 0–65535
 * @param timestamp 32-bit media timestamp (8 kHz units here), as an unsigned value in a long
 */
public record RtpPacket(int payloadType, boolean marker, int sequence, long timestamp, int ssrc, byte[] payload) {
    static final int HEADER = 12;

    /** The wire bytes. */
    public byte[] encode() {
        ByteBuffer b = ByteBuffer.allocate(HEADER + payload.length);
        b.put((byte) 0x80);
        b.put((byte) ((marker ? 0x80 : 0) | (payloadType & 0x7f)));
        b.putShort((short) sequence);
        b.putInt((int) timestamp);
        b.putInt(ssrc);
        b.put(payload);
        return b.array();
    }

    /** Parses {@code length} bytes at {@code data[0]}; null when they are not an RTP version 2 packet. */
    public static RtpPacket parse(byte[] data, int length) {
        if (length < HEADER || (data[0] & 0xc0) != 0x80) return null;
        int csrc = data[0] & 0x0f;
        int offset = HEADER + 4 * csrc;
        if ((data[0] & 0x10) != 0) { // header extension: 4 bytes then length words
            if (length < offset + 4) return null;
            offset += 4 + 4 * (((data[offset + 2] & 0xff) << 8) | (data[offset + 3] & 0xff));
        }
        int end = length;
        if ((data[0] & 0x20) != 0) end -= data[length - 1] & 0xff; // padding
        if (end < offset) return null;
        ByteBuffer b = ByteBuffer.wrap(data, 0, length);
        int pt = data[1] & 0x7f;
        boolean marker = (data[1] & 0x80) != 0;
        int seq = b.getShort(2) & 0xffff;
        long ts = b.getInt(4) & 0xffffffffL;
        int ssrc = b.getInt(8);
        byte[] payload = new byte[end - offset];
        System.arraycopy(data, offset, payload, 0, payload.length);
        return new RtpPacket(pt, marker, seq, ts, ssrc, payload);
    }

    /** {@code a - b} in 16-bit sequence space: positive when {@code a} is after {@code b} (wrap-around aware). */
    static int seqDiff(int a, int b) {
        return (short) (a - b);
    }
}
