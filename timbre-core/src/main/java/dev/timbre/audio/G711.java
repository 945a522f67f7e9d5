package dev.timbre.audio;

/** ITU-T G.711 µ-law and A-law companding of s16le PCM (8 bits per sample out). */
public final class G711 {
    private G711() {}

    public static byte[] ulaw(byte[] pcm) {
        short[] s = Pcm.toSamples(pcm, 0, pcm.length);
        byte[] out = new byte[s.length];
        for (int i = 0; i < s.length; i++) out[i] = ulaw(s[i]);
        return out;
    }

    public static byte[] alaw(byte[] pcm) {
        short[] s = Pcm.toSamples(pcm, 0, pcm.length);
        byte[] out = new byte[s.length];
        for (int i = 0; i < s.length; i++) out[i] = alaw(s[i]);
        return out;
    }

    static byte ulaw(short sample) {
        int bias = 0x84, clip = 32635;
        int sign = (sample >> 8) & 0x80;
        int v = sign != 0 ? -sample : sample;
        if (v > clip) v = clip;
        v += bias;
        int exponent = 7;
        for (int mask = 0x4000; (v & mask) == 0 && exponent > 0; mask >>= 1) exponent--;
        int mantissa = (v >> (exponent + 3)) & 0x0f;
        return (byte) ~(sign | (exponent << 4) | mantissa);
    }

    static byte alaw(short sample) {
        int sign = sample >= 0 ? 0x80 : 0;
        int v = sample >= 0 ? sample : -sample - 1;
        if (v > 32767) v = 32767;
        int exponent = 7;
        for (int mask = 0x4000; (v & mask) == 0 && exponent > 0; mask >>= 1) exponent--;
        int mantissa = exponent == 0 ? (v >> 4) & 0x0f : (v >> (exponent + 3)) & 0x0f;
        return (byte) ((sign | (exponent << 4) | mantissa) ^ 0x55);
    }

    /** μ-law bytes (one per sample) → s16le PCM. */
    public static byte[] ulawDecode(byte[] ulaw) {
        short[] s = new short[ulaw.length];
        for (int i = 0; i < ulaw.length; i++) s[i] = ulawDecode(ulaw[i]);
        return Pcm.toBytes(s);
    }

    public static short ulawDecode(byte b) {
        int u = ~b & 0xff;
        int t = ((u & 0x0f) << 3) + 0x84;
        t <<= (u & 0x70) >> 4;
        return (short) ((u & 0x80) != 0 ? 0x84 - t : t - 0x84);
    }

    /** One A-law byte → a 16-bit sample. */
    public static short alawDecode(byte b) {
        int a = (b & 0xff) ^ 0x55;
        int t = (a & 0x0f) << 4;
        int seg = (a & 0x70) >> 4;
        if (seg == 0) t += 8;
        else t = (t + 0x108) << (seg - 1);
        return (short) ((a & 0x80) != 0 ? t : -t);
    }
}
