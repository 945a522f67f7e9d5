/**
 * {@code /v1/voices/pvc}: professional voice cloning. A PVC voice is a {@code voices} row of category
 * {@code professional} with samples in {@code voice_samples}; what PVC adds lives in {@code pvc_voices},
 * {@code pvc_fine_tuning} and {@code pvc_samples} (V18).
 *
 * <ul>
 *   <li>{@link dev.timbre.voices.pvc.PvcRoutes} (HTTP) → {@link dev.timbre.voices.pvc.PvcService} (voice, samples,
 *       speaker separation), {@link dev.timbre.voices.pvc.PvcVerification} (captcha and manual verification),
 *       {@link dev.timbre.voices.pvc.PvcFineTuning} ({@code train}; the {@code fine_tuning} and
 *       {@code voice_verification} of {@code GET /v1/voices…}, through {@link dev.timbre.voices.ProfessionalVoices}).</li>
 *   <li>{@link dev.timbre.voices.pvc.PvcJobs}: durable jobs on the shared scheduler ({@code dev.timbre.jobs}, kinds
 *       {@code pvc-separation} by sample id and {@code pvc-training} by {@code voice/model}), claimed by one node and
 *       taken over when it dies; each attempt is counted in its row first (failed after 3), a row no longer pending is
 *       left alone, and the start-up catch-up only schedules pending rows without a job. Separation runs the speech-to-text
 *       diarizer on the sample and stores each speaker's audio ({@code pvc/{voice}/{sample}/{speaker}.wav}); training
 *       fits the voice with {@link dev.timbre.voices.VoiceFitting} from each sample's training audio (selected speakers,
 *       trim: {@link dev.timbre.voices.pvc.TrainingAudio}) and stores the fit with {@code VoiceRepository.reshape}, so
 *       the trained voice speaks in every TTS path.</li>
 *   <li>Captcha: the right words (recogniser, word error rate ≤ 35 %, {@link dev.timbre.voices.pvc.Captcha}) and the
 *       same speaker as the samples ({@link dev.timbre.voices.pvc.PitchProfile}: pitch median within 3 semitones and
 *       pitch interquartile spread within 4 — a simple comparison that tells voices of different pitch apart, not people).</li>
 *   <li>Errors: unknown voice or sample 404; a voice that is not professional 400 {@code voice_not_professional};
 *       train without samples 400 {@code no_samples}, unverified 400 {@code voice_not_verified}; undecodable audio
 *       400 {@code invalid_audio}; captcha with other words 400 {@code captcha_mismatch}, another speaker 400
 *       {@code speaker_mismatch}.</li>
 * </ul>
 *
 * <p>Thread-safe; recognition for a captcha runs on the request's thread.
 */
package dev.timbre.voices.pvc;
