package dev.timbre.telephony.sip;

import java.nio.ByteBuffer;

/**
 * RFC 4733 telephone events (DTMF): the 4-byte payload, the key ↔ event code mapping, and a receiver that reports each
 * key press once (the first packet of an event's timestamp; retransmitted end packets ignored). The receiver is not
 * thread-safe (one receive thread).
 */
public final class TelephoneEvents {
    static final String KEYS = "0123456789*#ABCD";
    private long lastTimestamp = -1;

    /** Event code for {@code key} (0–9, *, #, A–D), or -1. */
    public static int code(char key) {
        return KEYS.indexOf(Character.toUpperCase(key));
    }

    /** The 4-byte payload: event, E bit, volume (10 = -10 dBm0), duration in timestamp units. */
    public static byte[] payload(int event, boolean end, int duration) {
        return ByteBuffer.allocate(4).put((byte) event).put((byte) ((end ? 0x80 : 0) | 10)).putShort((short) duration).array();
    }

    /** The key of a received event payload, when it starts a new press; otherwise (a repeat, not a key) 0. */
    public char received(long timestamp, byte[] payload) {
        if (payload.length < 4) return 0;
        int event = payload[0] & 0xff;
        if (event >= KEYS.length() || timestamp == lastTimestamp) return 0;
        lastTimestamp = timestamp;
        return KEYS.charAt(event);
    }
}
