package dev.timbre.audio;

import java.io.ByteArrayOutputStream;

/** Pure functions over s16le mono PCM byte arrays. */
public final class Pcm {
    private Pcm() {}

    public static short[] toSamples(byte[] pcm, int off, int len) {
        short[] out = new short[len / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (short) ((pcm[off + 2 * i] & 0xff) | (pcm[off + 2 * i + 1] << 8));
        }
        return out;
    }

    public static byte[] toBytes(short[] samples) {
        byte[] out = new byte[samples.length * 2];
        for (int i = 0; i < samples.length; i++) {
            out[2 * i] = (byte) samples[i];
            out[2 * i + 1] = (byte) (samples[i] >> 8);
        }
        return out;
    }

    /** Resamples a whole clip (see {@link Resampler}); returns the input unchanged when the rates match. */
    public static byte[] resample(byte[] pcm, int fromRate, int toRate) {
        if (fromRate == toRate) return pcm;
        return Resampler.resampleAll(pcm, fromRate, toRate);
    }

    /** Root-mean-square level of the samples, 0..32768. */
    public static double rms(byte[] pcm) {
        short[] s = toSamples(pcm, 0, pcm.length);
        if (s.length == 0) return 0;
        double sum = 0;
        for (short v : s) sum += (double) v * v;
        return Math.sqrt(sum / s.length);
    }

    public static byte[] concat(Iterable<byte[]> chunks) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] c : chunks) out.writeBytes(c);
        return out.toByteArray();
    }
}
