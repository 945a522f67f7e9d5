/**
 * Speaker analysis shared by instant cloning ({@code voices.VoiceFitting}), professional cloning and similar voices:
 * what a stretch of 16 kHz speech says about its speaker.
 *
 * <ul>
 *   <li>{@link dev.timbre.speaker.SpeakerAnalysis}: speech time, pitch median and range (YIN), syllable rate, spectral
 *       centroid, level, MFCC means, and the number of speakers (the STT diarizer) → {@link dev.timbre.speaker.SpeakerProfile}.</li>
 *   <li>{@link dev.timbre.speaker.SyllableNuclei}: voiced loudness peaks, the syllable count behind the speaking rate.</li>
 *   <li>{@link dev.timbre.speaker.NoiseGate}: {@code remove_background_noise}: 80 Hz high-pass and a noise-floor gate.</li>
 *   <li>{@link dev.timbre.speaker.SpeakerFingerprint}: a profile as a vector and the distance (0..2) between two.</li>
 * </ul>
 *
 * <p>Depends on {@code dev.timbre.audio} (core) and {@code speechtotext.diarize}; knows nothing of voices or HTTP.
 */
package dev.timbre.speaker;
