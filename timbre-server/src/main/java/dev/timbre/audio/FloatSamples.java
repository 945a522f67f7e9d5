package dev.timbre.audio;

/** s16le PCM ↔ floats in [−1, 1] (DSP that works in floats: noise suppression, sound synthesis). Stateless. */
public final class FloatSamples {
    private FloatSamples() {}

    public static float[] fromPcm(byte[] pcm, int off, int len) {
        float[] out = new float[len / 2];
        for (int i = 0; i < out.length; i++) {
            int b = off + 2 * i;
            out[i] = (short) ((pcm[b] & 0xff) | (pcm[b + 1] << 8)) / 32768f;
        }
        return out;
    }

    public static byte[] toPcm(float[] samples) {
        byte[] out = new byte[samples.length * 2];
        for (int i = 0; i < samples.length; i++) {
            int v = Math.round(Math.max(-1f, Math.min(1f, samples[i])) * 32767f);
            out[2 * i] = (byte) v;
            out[2 * i + 1] = (byte) (v >> 8);
        }
        return out;
    }
}
