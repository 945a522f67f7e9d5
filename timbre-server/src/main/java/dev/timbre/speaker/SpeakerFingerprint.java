package dev.timbre.speaker;

/**
 * A speaker profile as a comparable vector: median pitch in semitones (÷ 3), pitch range (÷ 4), syllable rate (÷ 1.5),
 * spectral centroid in octaves (÷ 0.25) and the MFCC c1…c12 means (÷ 4, the diarizer's scale), so that one unit in any
 * dimension is a clearly audible difference. Pitch counts as {@link #PITCH_WEIGHT} dimensions: MFCC means depend on
 * what is said, and previews say other words than the sample. {@link #distance} is the weighted RMS difference mapped onto 0..2
 * ({@code 2·(1 − e^(−d))}): 0 for the same speaker, near 2 for very different ones; the scale of the API's
 * {@code similarity_threshold}.
 */
public record SpeakerFingerprint(double[] vector) {
    static final double PITCH_WEIGHT = 6;

    public static SpeakerFingerprint of(SpeakerProfile p) {
        double[] v = new double[4 + p.mfccMean().length];
        v[0] = p.silent() ? 0 : 12 * Math.log(p.pitchMedianHz() / 100) / Math.log(2) / 3;
        v[1] = p.pitchRangeSemitones() / 4;
        v[2] = p.syllablesPerSecond() / 1.5;
        v[3] = p.spectralCentroidHz() <= 0 ? 0 : Math.log(p.spectralCentroidHz() / 1000) / Math.log(2) / 0.25;
        for (int i = 0; i < p.mfccMean().length; i++) v[4 + i] = p.mfccMean()[i] / 4;
        return new SpeakerFingerprint(v);
    }

    /** 0..2: 0 the same, 2 as different as can be. */
    public double distance(SpeakerFingerprint other) {
        int n = Math.min(vector.length, other.vector.length);
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double d = vector[i] - other.vector[i];
            sum += (i == 0 ? PITCH_WEIGHT : 1) * d * d;
        }
        return 2 * (1 - Math.exp(-Math.sqrt(sum / (n - 1 + PITCH_WEIGHT))));
    }
}
