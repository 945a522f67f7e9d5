package dev.timbre.voices.pvc;

import dev.timbre.audio.Pcm;
import dev.timbre.audio.PcmFormat;
import dev.timbre.audio.Wav;

/** Speech-like test audio: harmonic buzz at a pitch, gated into 0.25 s syllables, 16 kHz WAV. */
final class PvcAudio {
    static final int RATE = 16000;

    private PvcAudio() {}

    /** {@code turns} alternate between the given pitches, {@code seconds} each, with 0.4 s of silence between. */
    static byte[] wav(double seconds, int turns, double... pitches) {
        int turn = (int) (seconds * RATE), gap = (int) (0.4 * RATE);
        short[] s = new short[turns * (turn + gap)];
        for (int t = 0; t < turns; t++) {
            double hz = pitches[t % pitches.length];
            int base = t * (turn + gap);
            for (int i = 0; i < turn; i++) {
                double time = i / (double) RATE;
                double gate = ((int) (time / 0.25)) % 3 == 2 ? 0.05 : 1.0; // a short dip every third syllable
                double v = 0;
                for (int h = 1; h <= 8; h++) v += Math.sin(2 * Math.PI * hz * h * time) / h;
                s[base + i] = (short) (5000 * gate * v);
            }
        }
        return Wav.wrap(Pcm.toBytes(s), new PcmFormat(RATE));
    }
}
