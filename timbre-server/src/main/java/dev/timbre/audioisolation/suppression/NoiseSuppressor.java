package dev.timbre.audioisolation.suppression;

import dev.timbre.speechtotext.diarize.Fft;

/**
 * Single-channel speech enhancement: a short-time Fourier transform (periodic Hann analysis and synthesis windows of
 * about 32 ms, 75 % overlap-add), a {@link NoiseTracker} noise estimate, the decision-directed a-priori SNR (Ephraim
 * &amp; Malah, α = 0.98) and the {@link LogSpectralGain} above a floor that {@link SuppressionDepth} sets from how
 * stationary the noise is (−24 dB for hiss and hum, up to −6 dB for babble).
 *
 * <p>Streaming: {@link #process} takes any number of samples and returns those completed so far; {@link #finish}
 * returns the rest. The output has exactly as many samples as the input, aligned with it (the internal delay of one
 * frame is removed). Samples are floats in [−1, 1] at the rate given to the constructor. Not thread-safe: one per
 * stream.
 */
public final class NoiseSuppressor {
    private static final double DECISION_DIRECTED = 0.98;
    /** Overlap-added Hann² windows at a quarter-frame hop sum to this. */
    private static final double WINDOW_SUM = 1.5;

    private final int size, hop;
    private final Fft fft;
    private final double[] window, frame, overlap, lastClean;
    private final NoiseTracker noise;
    private final SuppressionDepth depth;
    private final float[] input;
    private int buffered;
    private long consumed, emitted, delayToSkip;

    public NoiseSuppressor(int sampleRate) {
        size = Integer.highestOneBit(Math.max(64, (int) (sampleRate * 0.032)));
        hop = size / 4;
        fft = new Fft(size);
        window = new double[size];
        for (int i = 0; i < size; i++) window[i] = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / size);
        frame = new double[size];
        overlap = new double[size];
        int bins = size / 2 + 1;
        lastClean = new double[bins];
        noise = new NoiseTracker(bins, Math.max(8, (int) (0.8 * sampleRate / hop)));
        double binHz = (double) sampleRate / size;
        depth = new SuppressionDepth((int) Math.round(250 / binHz), Math.min(bins, (int) Math.round(6000 / binHz)));
        input = new float[size];
        buffered = size - hop; // zeros ahead of the signal: the first hop of output is delay
        delayToSkip = size - hop;
    }

    /** Feeds samples; returns the enhanced samples completed so far (possibly none). */
    public float[] process(float[] samples) {
        FloatOut out = new FloatOut(samples.length + size);
        for (float s : samples) {
            input[buffered++] = s;
            consumed++;
            if (buffered == size) {
                out.addHop(step());
                System.arraycopy(input, hop, input, 0, size - hop);
                buffered = size - hop;
            }
        }
        return out.trimmed();
    }

    /** Flushes the last frames (zero-padded); returns the remaining output. Call once, after the last process. */
    public float[] finish() {
        FloatOut out = new FloatOut(2 * size);
        while (emitted < consumed) {
            java.util.Arrays.fill(input, buffered, size, 0f);
            out.addHop(step());
            System.arraycopy(input, hop, input, 0, size - hop);
            buffered = size - hop;
        }
        return out.trimmed();
    }

    /** Enhances the frame in {@code input}; returns the next hop of overlap-added output. */
    private double[] step() {
        double[] re = new double[size], im = new double[size];
        for (int i = 0; i < size; i++) re[i] = input[i] * window[i];
        fft.transform(re, im);
        int bins = size / 2 + 1;
        double[] power = new double[bins];
        for (int k = 0; k < bins; k++) power[k] = re[k] * re[k] + im[k] * im[k];
        double[] n = noise.update(power);
        double floor = depth.floor(power, n);
        for (int k = 0; k < bins; k++) {
            double nk = Math.max(n[k], 1e-12);
            double posterior = power[k] / nk;
            double prior = DECISION_DIRECTED * lastClean[k] / nk + (1 - DECISION_DIRECTED) * Math.max(posterior - 1, 0);
            double speechGain = LogSpectralGain.of(prior, posterior);
            lastClean[k] = speechGain * speechGain * power[k];
            double g = Math.max(floor, speechGain);
            re[k] *= g;
            im[k] *= g;
            if (k > 0 && k < size / 2) {
                re[size - k] = re[k];
                im[size - k] = -im[k];
            }
        }
        // inverse FFT through the forward one: x = conj(FFT(conj(X))) / n
        for (int i = 0; i < size; i++) im[i] = -im[i];
        fft.transform(re, im);
        for (int i = 0; i < size; i++) overlap[i] += re[i] / size * window[i] / WINDOW_SUM;
        double[] ready = java.util.Arrays.copyOf(overlap, hop);
        System.arraycopy(overlap, hop, overlap, 0, size - hop);
        java.util.Arrays.fill(overlap, size - hop, size, 0);
        return ready;
    }

    /** Output collector that drops the initial delay and never emits past the input's length. */
    private final class FloatOut {
        private final float[] data;
        private int length;

        FloatOut(int capacity) { data = new float[capacity]; }

        void addHop(double[] hopSamples) {
            for (double v : hopSamples) {
                if (delayToSkip > 0) { delayToSkip--; continue; }
                if (emitted >= consumed) return;
                data[length++] = (float) Math.max(-1, Math.min(1, v));
                emitted++;
            }
        }

        float[] trimmed() { return java.util.Arrays.copyOf(data, length); }
    }
}
