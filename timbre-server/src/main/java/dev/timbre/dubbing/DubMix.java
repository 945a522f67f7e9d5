package dev.timbre.dubbing;

import dev.timbre.audio.Pcm;
import dev.timbre.audioisolation.suppression.NoiseSuppressor;
import java.util.List;

/**
 * Audio arithmetic of the pipeline, all mono s16le at one rate: the source split into speech and background (speech:
 * {@link NoiseSuppressor}'s estimate; background: the source minus it), and the dub mixed: each segment's fitted speech
 * added at its start over the background, clipped to the source's length; and, for uploaded tracks, fitting a track to
 * the source's length and subtracting one from the source. Pure functions; thread-safe.
 */
final class DubMix {
    /** A fitted segment and where it starts, seconds. */
    record Placed(double start, byte[] pcm) {}

    /** Speech and background, each as long as the source. */
    record Split(byte[] speech, byte[] background) {}

    private DubMix() {}

    static Split separate(byte[] source, int rate) {
        short[] x = Pcm.toSamples(source, 0, source.length & ~1);
        float[] in = new float[x.length];
        for (int i = 0; i < x.length; i++) in[i] = x[i] / 32768f;
        NoiseSuppressor ns = new NoiseSuppressor(rate);
        float[] a = ns.process(in), b = ns.finish();
        short[] speech = new short[x.length], background = new short[x.length];
        for (int i = 0; i < x.length; i++) {
            float s = i < a.length ? a[i] : i - a.length < b.length ? b[i - a.length] : 0f;
            speech[i] = clip(s * 32768f);
            background[i] = clip(x[i] - s * 32768f);
        }
        return new Split(Pcm.toBytes(speech), Pcm.toBytes(background));
    }

    /** {@code pcm} cut or padded with silence to exactly {@code samples}. */
    static byte[] fit(byte[] pcm, int samples) {
        return java.util.Arrays.copyOf(pcm, samples * 2);
    }

    /** {@code a − b}, sample by sample, clipped; as long as {@code a} ({@code b} padded with silence). */
    static byte[] minus(byte[] a, byte[] b) {
        short[] x = Pcm.toSamples(a, 0, a.length & ~1), y = Pcm.toSamples(b, 0, b.length & ~1);
        short[] out = new short[x.length];
        for (int i = 0; i < x.length; i++) out[i] = clip(x[i] - (i < y.length ? y[i] : 0));
        return Pcm.toBytes(out);
    }

    /** {@code background} (null: silence) with every segment added at its place; exactly {@code samples} long. */
    static byte[] mix(byte[] background, List<Placed> segments, int samples, int rate) {
        float[] out = new float[samples];
        if (background != null) {
            short[] bg = Pcm.toSamples(background, 0, background.length & ~1);
            for (int i = 0; i < Math.min(samples, bg.length); i++) out[i] = bg[i];
        }
        for (Placed p : segments) {
            short[] s = Pcm.toSamples(p.pcm(), 0, p.pcm().length & ~1);
            int at = (int) Math.round(p.start() * rate);
            for (int i = 0; i < s.length && at + i < samples; i++) if (at + i >= 0) out[at + i] += s[i];
        }
        short[] y = new short[samples];
        for (int i = 0; i < samples; i++) y[i] = clip(out[i]);
        return Pcm.toBytes(y);
    }

    private static short clip(float v) {
        return (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, Math.round(v)));
    }
}
