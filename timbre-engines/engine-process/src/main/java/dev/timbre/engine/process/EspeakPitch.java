package dev.timbre.engine.process;

/**
 * espeak-ng's pitch parameter ({@code -p}, 0..99, 50 = the voice's own pitch) for a pitch shift in semitones. The
 * parameter is not linear in semitones; this table was measured (YIN median of "The quick brown fox…", the en-us
 * {@code +m3} and {@code +f3} variants averaged, espeak-ng 1.51): shifts outside −5.7..+8.5 semitones are clamped.
 */
final class EspeakPitch {
    private static final double[] PARAMETER = {0, 20, 35, 50, 65, 80, 99};
    private static final double[] SEMITONES = {-5.7, -3.55, -2.05, 0, 2.4, 5.05, 8.5};

    private EspeakPitch() {}

    /** The {@code -p} value whose measured shift is closest to {@code semitones} (linear between measured points). */
    static int parameter(double semitones) {
        if (semitones <= SEMITONES[0]) return 0;
        for (int i = 1; i < SEMITONES.length; i++) {
            if (semitones <= SEMITONES[i]) {
                double t = (semitones - SEMITONES[i - 1]) / (SEMITONES[i] - SEMITONES[i - 1]);
                return (int) Math.round(PARAMETER[i - 1] + t * (PARAMETER[i] - PARAMETER[i - 1]));
            }
        }
        return 99;
    }
}
