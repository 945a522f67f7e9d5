/**
 * Speaker diarisation for {@code diarize=true} (single channel): which speaker said each word, in pure Java with no
 * model. Deterministic: the same audio gives the same speakers.
 *
 * <ul>
 *   <li>{@link dev.timbre.speechtotext.diarize.Diarizer}: audio at 16 kHz → {@link
 *       dev.timbre.speechtotext.diarize.VoiceActivity} segments → windows of ~1.25 s (longer for long audio: at most ~600) → per window the
 *       means and standard deviations of MFCC c1…c12 and the median F0 in semitones (weighted as 8 dimensions) →
 *       {@link dev.timbre.speechtotext.diarize.Clustering} into {@code num_speakers} clusters, else until the closest
 *       clusters are farther than {@code diarization_threshold} (default 0.22, higher = fewer speakers) × 9.3 →
 *       turns, speakers numbered by first appearance. {@code speakersOf}: each word gets the turn overlapping it most
 *       (else the nearest; speaker 0 with no turns); a spacing entry takes the previous word's speaker.</li>
 *   <li>{@link dev.timbre.speechtotext.diarize.VoiceActivity}: energy/zero-crossing detection over 10 ms frames,
 *       adaptive threshold, 80 ms hangover, gaps &lt; 0.3 s bridged, segments &lt; 0.2 s dropped.</li>
 *   <li>{@link dev.timbre.speechtotext.diarize.Mfcc}: pre-emphasis 0.97, 25 ms Hamming frames every 10 ms, radix-2
 *       {@link dev.timbre.speechtotext.diarize.Fft}, 26 mel filters, DCT-II → c0…c12.</li>
 *   <li>{@link dev.timbre.speechtotext.diarize.Pitch}: normalised autocorrelation over 40 ms frames, 60–700 Hz.</li>
 *   <li>{@link dev.timbre.speechtotext.diarize.Clustering}: agglomerative, average linkage, RMS distance; ties go to
 *       the lowest indices.</li>
 * </ul>
 *
 * <p>Multichannel transcripts do not use it: each channel is one speaker. All static and thread-safe; runs on the
 * request's thread.
 */
package dev.timbre.speechtotext.diarize;
