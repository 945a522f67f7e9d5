package dev.timbre.telephony.sip;

import dev.timbre.audio.G711;

/** A-law ↔ μ-law, byte for byte, through 16-bit PCM (ITU-T G.711 both ways). Thread-safe (fixed tables). */
final class Companding {
    private static final byte[] ALAW_TO_ULAW = new byte[256];
    private static final byte[] ULAW_TO_ALAW = new byte[256];

    static {
        byte[] pcm = new byte[2];
        for (int i = 0; i < 256; i++) {
            short a = G711.alawDecode((byte) i);
            pcm[0] = (byte) a;
            pcm[1] = (byte) (a >> 8);
            ALAW_TO_ULAW[i] = G711.ulaw(pcm)[0];
            short u = G711.ulawDecode((byte) i);
            pcm[0] = (byte) u;
            pcm[1] = (byte) (u >> 8);
            ULAW_TO_ALAW[i] = G711.alaw(pcm)[0];
        }
    }

    private Companding() {}

    static byte[] alawToUlaw(byte[] alaw) {
        byte[] out = new byte[alaw.length];
        for (int i = 0; i < alaw.length; i++) out[i] = ALAW_TO_ULAW[alaw[i] & 0xff];
        return out;
    }

    static byte[] ulawToAlaw(byte[] ulaw) {
        byte[] out = new byte[ulaw.length];
        for (int i = 0; i < ulaw.length; i++) out[i] = ULAW_TO_ALAW[ulaw[i] & 0xff];
        return out;
    }
}
