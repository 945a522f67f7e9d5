package dev.timbre.audio;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a decoder puts its samples: counts the source's frames in {@code long} against the {@link DecodeLimit} before
 * keeping them, and keeps only what the caller asked for, mixed down to mono when it wants one channel and resampled
 * to at most {@code targetRate} as the frames arrive. So memory is bounded by the target (e.g. 16 kHz mono), not by
 * the source (e.g. 192 kHz, 8 channels). Frames past {@link #endAt} (a container's declared length) are dropped.
 * One per decode; not thread-safe.
 */
final class DecodedChannels {
    /** What to keep: one mixed channel or every channel, at the source rate or at most {@code maxRate} Hz. */
    record Target(boolean mono, int maxRate) {
        static final Target SOURCE_MONO = new Target(true, Integer.MAX_VALUE);
        static final Target SOURCE_CHANNELS = new Target(false, Integer.MAX_VALUE);
    }

    final int sourceRate;
    final int channels;
    private final DecodeLimit limit;
    private final int rate;
    private final Resampler[] resamplers;
    private final ByteArrayOutputStream[] kept;
    private long frames;
    private long end = Long.MAX_VALUE;

    DecodedChannels(int sourceRate, int channels, DecodeLimit limit, Target target) {
        if (channels < 1) throw AudioFormatException.corrupt("audio has no channels");
        this.sourceRate = sourceRate;
        this.channels = channels;
        this.limit = limit;
        this.rate = Math.min(sourceRate, target.maxRate());
        int n = target.mono() ? 1 : channels;
        this.resamplers = new Resampler[n];
        this.kept = new ByteArrayOutputStream[n];
        for (int c = 0; c < n; c++) {
            resamplers[c] = rate == sourceRate ? null : new Resampler(sourceRate, rate);
            kept[c] = new ByteArrayOutputStream();
        }
    }

    /** Source frames received so far (before {@link #endAt} trimming). */
    long frames() { return frames; }

    /** Keeps no frame at or past source frame {@code endFrame} (an Ogg end granule, a FLAC total). */
    void endAt(long endFrame) { end = Math.max(0, endFrame); }

    void append(short[] interleaved, int n) { append(interleaved, 0, n); }

    /** Appends {@code n} interleaved frames starting at frame {@code from}, after checking the limit. */
    void append(short[] interleaved, int from, int n) {
        if (n <= 0) return;
        limit.check(frames + n, sourceRate, channels);
        int keep = (int) Math.max(0, Math.min(n, end - frames));
        frames += n;
        if (keep == 0) return;
        if (kept.length == 1) {
            byte[] out = new byte[keep * 2];
            for (int i = 0; i < keep; i++) {
                int sum = 0, base = (from + i) * channels;
                for (int c = 0; c < channels; c++) sum += interleaved[base + c];
                put(out, i, sum / channels);
            }
            write(0, out);
        } else {
            for (int c = 0; c < channels; c++) {
                byte[] out = new byte[keep * 2];
                for (int i = 0; i < keep; i++) put(out, i, interleaved[(from + i) * channels + c]);
                write(c, out);
            }
        }
    }

    /** Appends {@code n} frames given one array per channel (planar), starting at index 0 of each. */
    void appendPlanar(short[][] planar, int n) {
        short[] interleaved = new short[n * channels];
        for (int c = 0; c < channels; c++) for (int i = 0; i < n; i++) interleaved[i * channels + c] = planar[c][i];
        append(interleaved, 0, n);
    }

    private static void put(byte[] out, int i, int v) {
        out[2 * i] = (byte) v;
        out[2 * i + 1] = (byte) (v >> 8);
    }

    private void write(int c, byte[] pcm) {
        kept[c].writeBytes(resamplers[c] == null ? pcm : resamplers[c].resample(pcm, 0, pcm.length));
    }

    /** The kept channel(s) as PCM at the kept rate; call once, at the end of the decode. */
    List<Wav.Decoded> finish() {
        List<Wav.Decoded> out = new ArrayList<>();
        for (int c = 0; c < kept.length; c++) {
            if (resamplers[c] != null) kept[c].writeBytes(resamplers[c].finish());
            out.add(new Wav.Decoded(new PcmFormat(rate), kept[c].toByteArray()));
        }
        return out;
    }
}
