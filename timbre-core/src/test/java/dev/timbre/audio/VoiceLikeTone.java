package dev.timbre.audio;

/** Test audio shaped like a voice: a fundamental and four harmonics at 16 kHz, for pitch trackers and turn-taking. */
public final class VoiceLikeTone {
    private VoiceLikeTone() {}

    /** {@code ms} of the tone (amplitude 8000) with its pitch moving linearly from {@code fromHz} to {@code toHz}. */
    public static short[] glide(int ms, double fromHz, double toHz) {
        short[] s = new short[16 * ms];
        double phase = 0;
        for (int i = 0; i < s.length; i++) {
            double f = fromHz + (toHz - fromHz) * i / s.length;
            phase += 2 * Math.PI * f / 16000;
            double v = 0;
            for (int h = 1; h <= 5; h++) v += Math.sin(h * phase) / h;
            s[i] = (short) (8000 * v / 2.3);
        }
        return s;
    }
}
