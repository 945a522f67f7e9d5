package dev.timbre.audio;

import java.util.Arrays;

/**
 * Streaming sample-rate conversion of s16le mono PCM with a Blackman-windowed sinc filter. State (history, the
 * fractional read position and a half sample split across chunks) carries from one {@link #resample} call to the next,
 * so a clip fed in any number of chunks produces exactly the same samples as the clip fed whole; there are no clicks at
 * chunk boundaries. Downsampling low-passes below the target Nyquist rate first.
 *
 * <p>The filter looks {@code halfWidth} input samples ahead, so each call returns output up to that point and
 * {@link #finish} returns the rest. In total a clip of {@code n} input samples yields
 * {@code floor(n * toRate / fromRate)} output samples, time-aligned with the input (no added delay at the start).
 * Not thread-safe: one resampler per stream.
 */
public final class Resampler {
    private static final int ZERO_CROSSINGS = 16;
    private static final int MAX_PHASES = 4096;

    private final int fromRate;
    private final int toRate;
    private final int halfWidth;
    private final int phases;
    private final long phaseUnit;
    private final float[][] taps;

    private float[] buf;
    private long bufStart;
    private int bufLen;
    private long readIndex;
    private long readRemainder;
    private long inputCount;
    private long outputCount;
    private int pendingByte = -1;
    private boolean finished;

    public Resampler(int fromRate, int toRate) {
        if (fromRate <= 0 || toRate <= 0) throw new IllegalArgumentException("rates must be positive: " + fromRate + " → " + toRate);
        this.fromRate = fromRate;
        this.toRate = toRate;
        if (fromRate == toRate) {
            halfWidth = 0;
            phases = 1;
            phaseUnit = 1;
            taps = new float[0][];
            return;
        }
        double cutoff = Math.min(1.0, (double) toRate / fromRate) * 0.94;
        halfWidth = (int) Math.ceil(ZERO_CROSSINGS / cutoff);
        long gcd = gcd(fromRate, toRate);
        long exact = toRate / gcd;
        phases = (int) Math.min(exact, MAX_PHASES);
        phaseUnit = exact <= MAX_PHASES ? gcd : 0;
        taps = new float[phases][];
        for (int p = 0; p < phases; p++) taps[p] = kernel((double) p / phases, cutoff);
        buf = new float[4096];
        bufStart = -halfWidth;
        bufLen = halfWidth; // zeros before the first sample
    }

    public int fromRate() { return fromRate; }

    public int toRate() { return toRate; }

    /** Feeds {@code len} bytes of PCM (an odd trailing byte is kept for the next call); returns the output ready so far. */
    public byte[] resample(byte[] pcm, int off, int len) {
        if (finished) throw new IllegalStateException("resampler already finished");
        if (len == 0) return new byte[0];
        byte[] bytes = pcm;
        if (pendingByte >= 0 || len % 2 != 0) {
            int carried = pendingByte >= 0 ? 1 : 0;
            int total = carried + len;
            bytes = new byte[total - total % 2];
            if (carried == 1) bytes[0] = (byte) pendingByte;
            System.arraycopy(pcm, off, bytes, carried, bytes.length - carried);
            pendingByte = total % 2 != 0 ? pcm[off + len - 1] & 0xff : -1;
            off = 0;
            len = bytes.length;
        }
        short[] in = Pcm.toSamples(bytes, off, len);
        inputCount += in.length;
        if (fromRate == toRate) return Pcm.toBytes(in);
        append(in, in.length);
        return Pcm.toBytes(drain(Long.MAX_VALUE));
    }

    /** Returns the remaining output; the resampler cannot be used afterwards. */
    public byte[] finish() {
        if (finished) throw new IllegalStateException("resampler already finished");
        finished = true;
        if (fromRate == toRate) return new byte[0];
        append(new short[halfWidth + 1], halfWidth + 1);
        long total = inputCount * toRate / fromRate;
        return Pcm.toBytes(drain(Math.max(0, total - outputCount)));
    }

    /** Converts a whole clip in one go. */
    public static byte[] resampleAll(byte[] pcm, int fromRate, int toRate) {
        Resampler r = new Resampler(fromRate, toRate);
        byte[] head = r.resample(pcm, 0, pcm.length);
        byte[] tail = r.finish();
        byte[] out = Arrays.copyOf(head, head.length + tail.length);
        System.arraycopy(tail, 0, out, head.length, tail.length);
        return out;
    }

    private void append(short[] in, int n) {
        // Drop history the next output no longer needs.
        long keepFrom = readIndex - halfWidth + 1;
        int drop = (int) Math.max(0, Math.min(bufLen, keepFrom - bufStart));
        if (drop > 0) {
            System.arraycopy(buf, drop, buf, 0, bufLen - drop);
            bufLen -= drop;
            bufStart += drop;
        }
        if (bufLen + n > buf.length) buf = Arrays.copyOf(buf, Math.max(buf.length * 2, bufLen + n));
        for (int i = 0; i < n; i++) buf[bufLen + i] = in[i];
        bufLen += n;
    }

    private short[] drain(long limit) {
        long available = bufStart + bufLen; // one past the last input index held
        long maxOut = Math.max(0, (available - halfWidth - readIndex) * toRate / fromRate + 2);
        short[] out = new short[(int) Math.min(limit, maxOut)];
        int n = 0;
        int width = 2 * halfWidth;
        while (n < out.length && readIndex + halfWidth < available) {
            float[] k = taps[phase()];
            int base = (int) (readIndex - halfWidth + 1 - bufStart);
            float acc = 0;
            for (int m = 0; m < width; m++) acc += k[m] * buf[base + m];
            out[n++] = (short) Math.max(-32768, Math.min(32767, Math.round(acc)));
            readRemainder += fromRate;
            readIndex += readRemainder / toRate;
            readRemainder %= toRate;
        }
        outputCount += n;
        return n == out.length ? out : Arrays.copyOf(out, n);
    }

    private int phase() {
        if (phaseUnit > 0) return (int) (readRemainder / phaseUnit);
        return (int) (readRemainder * phases / toRate);
    }

    /** Taps for inputs at offsets {@code -halfWidth+1 .. halfWidth} from the read index, output {@code frac} past it. */
    private float[] kernel(double frac, double cutoff) {
        float[] k = new float[2 * halfWidth];
        double sum = 0;
        for (int m = 0; m < k.length; m++) {
            double d = m - halfWidth + 1 - frac;
            double x = d / halfWidth; // -1..1 across the window
            double window = Math.abs(x) >= 1 ? 0 : 0.42 + 0.5 * Math.cos(Math.PI * x) + 0.08 * Math.cos(2 * Math.PI * x);
            double arg = Math.PI * cutoff * d;
            double sinc = d == 0 ? 1 : Math.sin(arg) / arg;
            k[m] = (float) (cutoff * sinc * window);
            sum += k[m];
        }
        for (int m = 0; m < k.length; m++) k[m] /= sum; // unity gain at DC for every phase
        return k;
    }

    private static long gcd(long a, long b) { return b == 0 ? a : gcd(b, a % b); }
}
