/**
 * {@code POST /v1/similar-voices}: which voices of this installation sound most like an uploaded sample.
 *
 * <ul>
 *   <li>{@link dev.timbre.similarvoices.SimilarVoicesRoutes}: multipart {@code audio_file} (required, 422 when
 *       missing), {@code similarity_threshold} 0..2 and {@code top_k} 1..100 (422 outside); response
 *       {@code GetLibraryVoicesResponseModel} ({@link dev.timbre.similarvoices.LibraryVoice}), {@code has_more} false.</li>
 *   <li>{@link dev.timbre.similarvoices.SimilarVoicesService}: ranks every voice by
 *       {@link dev.timbre.speaker.SpeakerFingerprint} distance (0 same .. 2 very different), keeps those within the
 *       threshold, at most {@code top_k} (default 10). Undecodable audio 400 {@code invalid_audio}, no speech 400
 *       {@code sample_silent}.</li>
 *   <li>VoiceFingerprints: per-voice fingerprints cached in memory; premade voices from their preview (the first call
 *       makes every missing preview: seconds of engine time once), stored voices from their first sample.</li>
 * </ul>
 */
package dev.timbre.similarvoices;
