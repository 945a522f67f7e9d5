package dev.timbre.speechtospeech;

import java.util.SplittableRandom;

/**
 * What pauses are filled with: noise about 70 dB below full scale (uniform, ±{@link #AMPLITUDE} of 32767) rather than
 * digital zeros. Real recordings never hold exact zeros, and recognisers treat them specially: pocketsphinx was
 * measured to misplace the first word after a stretch of zeros by up to 0.3 s (it hears the word start about 0.14 s
 * into the stretch whatever its length). Deterministic for a given seed. Not thread-safe (one per conversion).
 */
final class QuietNoise {
    static final int AMPLITUDE = 8;
    private final SplittableRandom random;

    QuietNoise(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /**
     * Fills every run of at least {@code minSamples} exact zeros in s16le {@code pcm} with this noise, in place (what the
     * recogniser hears of an upload whose pauses are digital silence).
     */
    void fillZeroRuns(byte[] pcm, int minSamples) {
        int samples = pcm.length / 2, run = 0;
        for (int i = 0; i <= samples; i++) {
            boolean zero = i < samples && pcm[2 * i] == 0 && pcm[2 * i + 1] == 0;
            if (zero) {
                run++;
                continue;
            }
            if (run >= minSamples) System.arraycopy(bytes(run * 2), 0, pcm, (i - run) * 2, run * 2);
            run = 0;
        }
    }

    /** {@code bytes} (even) of s16le noise. */
    byte[] bytes(int bytes) {
        byte[] out = new byte[bytes];
        for (int i = 0; i + 1 < bytes; i += 2) {
            int v = random.nextInt(-AMPLITUDE, AMPLITUDE + 1);
            out[i] = (byte) v;
            out[i + 1] = (byte) (v >> 8);
        }
        return out;
    }
}
