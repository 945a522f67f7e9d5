package dev.timbre.speechtotext.diarize;

/**
 * Mel-frequency cepstral coefficients: pre-emphasis (0.97), 25 ms Hamming frames every 10 ms, radix-2 FFT power
 * spectrum, {@link #FILTERS} triangular mel filters from 20 Hz to Nyquist, natural log, orthonormal DCT-II →
 * {@link #COEFFICIENTS} coefficients (c0 … c12).
 */
public final class Mfcc {
    public static final int FILTERS = 26, COEFFICIENTS = 13;
    static final double FRAME_SECONDS = 0.025, HOP_SECONDS = 0.010, PRE_EMPHASIS = 0.97, LOW_HZ = 20;

    private final int sampleRate, frame, hop;
    private final Fft fft;
    private final double[] window;
    private final double[][] filters; // [filter][bin]
    private final double[][] dct;     // [coefficient][filter]

    public Mfcc(int sampleRate) {
        this.sampleRate = sampleRate;
        frame = (int) Math.round(sampleRate * FRAME_SECONDS);
        hop = (int) Math.round(sampleRate * HOP_SECONDS);
        fft = new Fft(Integer.highestOneBit(frame - 1) << 1);
        window = new double[frame];
        for (int i = 0; i < frame; i++) window[i] = 0.54 - 0.46 * Math.cos(2 * Math.PI * i / (frame - 1));
        int bins = fft.size() / 2 + 1;
        filters = new double[FILTERS][bins];
        double lo = hzToMel(LOW_HZ), hi = hzToMel(sampleRate / 2.0);
        double[] edges = new double[FILTERS + 2];
        for (int i = 0; i < edges.length; i++) edges[i] = melToHz(lo + (hi - lo) * i / (FILTERS + 1));
        for (int m = 0; m < FILTERS; m++) {
            for (int k = 0; k < bins; k++) {
                double hz = k * (double) sampleRate / fft.size();
                double w = 0;
                if (hz > edges[m] && hz <= edges[m + 1]) w = (hz - edges[m]) / (edges[m + 1] - edges[m]);
                else if (hz > edges[m + 1] && hz < edges[m + 2]) w = (edges[m + 2] - hz) / (edges[m + 2] - edges[m + 1]);
                filters[m][k] = w;
            }
        }
        dct = new double[COEFFICIENTS][FILTERS];
        for (int c = 0; c < COEFFICIENTS; c++) {
            double scale = Math.sqrt((c == 0 ? 1.0 : 2.0) / FILTERS);
            for (int m = 0; m < FILTERS; m++) dct[c][m] = scale * Math.cos(Math.PI * c * (m + 0.5) / FILTERS);
        }
    }

    public static double hzToMel(double hz) { return 2595 * Math.log10(1 + hz / 700); }

    public static double melToHz(double mel) { return 700 * (Math.pow(10, mel / 2595) - 1); }

    /** The centre frequency of mel filter {@code m}. */
    public double centreHz(int m) {
        double lo = hzToMel(LOW_HZ), hi = hzToMel(sampleRate / 2.0);
        return melToHz(lo + (hi - lo) * (m + 1) / (FILTERS + 1));
    }

    public int hop() { return hop; }

    public int frameLength() { return frame; }

    /** Number of whole frames in {@code length} samples. */
    public int frames(int length) { return length < frame ? 0 : 1 + (length - frame) / hop; }

    /** Log mel filter-bank energies of the frame starting at {@code start} (samples in [-1, 1]). */
    public double[] logMel(float[] samples, int start) {
        double[] x = new double[frame];
        for (int i = 0; i < frame; i++) {
            int j = start + i;
            double prev = j > 0 ? samples[j - 1] : 0;
            x[i] = (samples[j] - PRE_EMPHASIS * prev) * window[i];
        }
        double[] power = fft.powerSpectrum(x);
        double[] out = new double[FILTERS];
        for (int m = 0; m < FILTERS; m++) {
            double e = 0;
            for (int k = 0; k < power.length; k++) e += filters[m][k] * power[k];
            out[m] = Math.log(e + 1e-10);
        }
        return out;
    }

    /** The cepstral coefficients of one frame. */
    public double[] coefficients(float[] samples, int start) {
        double[] mel = logMel(samples, start);
        double[] c = new double[COEFFICIENTS];
        for (int i = 0; i < COEFFICIENTS; i++) {
            double s = 0;
            for (int m = 0; m < FILTERS; m++) s += dct[i][m] * mel[m];
            c[i] = s;
        }
        return c;
    }

    /** Coefficients of every frame in {@code [from, to)} samples: {@code [frame][coefficient]}. */
    public double[][] compute(float[] samples, int from, int to) {
        int n = frames(to - from);
        double[][] out = new double[n][];
        for (int f = 0; f < n; f++) out[f] = coefficients(samples, from + f * hop);
        return out;
    }
}
