package dev.timbre.speaker;

/**
 * What a stretch of speech says about its speaker, measured by {@link SpeakerAnalysis}.
 *
 * @param speechSeconds        seconds of detected speech (pauses excluded)
 * @param pitchMedianHz        median F0 of the voiced 10 ms frames; NaN when nothing is voiced
 * @param pitchRangeSemitones  spread of F0: its 90th minus its 10th percentile, in semitones
 * @param syllablesPerSecond   syllable nuclei (voiced loudness peaks) per second of speech
 * @param spectralCentroidHz   mean centre of mass of the mel spectrum over speech frames (higher: brighter, smaller tract)
 * @param energyDbfs           RMS level of the speech frames, dB full scale
 * @param mfccMean             mean MFCC c1…c12 over speech frames: the timbre part of a fingerprint
 * @param speakers             speakers the diarizer finds holding at least a quarter of the speech (1 for one voice)
 */
public record SpeakerProfile(double speechSeconds, double pitchMedianHz, double pitchRangeSemitones, double syllablesPerSecond,
                             double spectralCentroidHz, double energyDbfs, double[] mfccMean, int speakers) {

    /** True when there is no speech at all (or nothing voiced in it). */
    public boolean silent() {
        return speechSeconds <= 0 || Double.isNaN(pitchMedianHz);
    }

    /** Semitones from {@code other}'s median pitch to this one's. */
    public double semitonesFrom(SpeakerProfile other) {
        return 12 * Math.log(pitchMedianHz / other.pitchMedianHz) / Math.log(2);
    }
}
