package dev.timbre.audio;

import java.io.ByteArrayOutputStream;

/** Test signals and measurements. */
final class Tone {
    static final double FREQUENCY = 440;
    static final double AMPLITUDE = 8000;

    private Tone() {}

    static byte[] sine(int rate, double seconds) {
        short[] s = new short[(int) Math.round(rate * seconds)];
        for (int i = 0; i < s.length; i++) s[i] = (short) Math.round(AMPLITUDE * Math.sin(2 * Math.PI * FREQUENCY * i / rate));
        return Pcm.toBytes(s);
    }

    /** Encodes in chunks of the given byte sizes, cycling through them (odd sizes split samples on purpose). */
    static byte[] encodeInChunks(AudioEncoder encoder, byte[] pcm, int... sizes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int pos = 0;
        for (int i = 0; pos < pcm.length; i++) {
            int n = Math.min(sizes[i % sizes.length], pcm.length - pos);
            out.writeBytes(encoder.encode(pcm, pos, n));
            pos += n;
        }
        out.writeBytes(encoder.finish());
        return out.toByteArray();
    }

    /** Frequency from upward zero crossings over the middle 80% of the samples (skips codec edges). */
    static double frequency(short[] s, int rate) {
        int from = s.length / 10, to = s.length - s.length / 10;
        int first = -1, last = -1, crossings = 0;
        for (int i = from + 1; i < to; i++) {
            if (s[i - 1] < 0 && s[i] >= 0) {
                if (first < 0) first = i;
                else crossings++;
                last = i;
            }
        }
        return crossings == 0 ? 0 : crossings * (double) rate / (last - first);
    }

    /** RMS over the middle 80% of the samples. */
    static double rms(short[] s) {
        int from = s.length / 10, to = s.length - s.length / 10;
        double sum = 0;
        for (int i = from; i < to; i++) sum += (double) s[i] * s[i];
        return Math.sqrt(sum / Math.max(1, to - from));
    }
}
