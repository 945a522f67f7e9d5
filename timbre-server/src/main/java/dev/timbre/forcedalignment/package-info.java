/**
 * {@code POST /v1/forced-alignment}: where each word and character of a given text is spoken in an uploaded file.
 *
 * <ul>
 *   <li>{@link dev.timbre.forcedalignment.ForcedAlignmentRoutes}: multipart {@code file} (required, 422) and
 *       {@code text}; {@code enabled_spooled_file} is validated, uploads are always read whole.</li>
 *   <li>{@link dev.timbre.forcedalignment.ForcedAlignmentService}: text required, at most 100 000 characters (422);
 *       the upload is decoded like a speech-to-text file (mixed to mono, 16 kHz), then the server's STT engine's
 *       {@code align} places the given words (nothing is recognised; pocketsphinx uses a grammar of exactly those
 *       words). An engine that cannot align → 501 {@code forced_alignment_unsupported}; no engine → 503 as for
 *       speech to text. Characters share their word's span and the gaps ({@code CharacterAlignment.fromWords}).</li>
 *   <li>{@link dev.timbre.forcedalignment.ForcedAlignment}: {@code ForcedAlignmentResponseModel}, seconds from the
 *       start of the audio, rounded to 1 ms; word {@code loss} = −logprob (0 where the engine has no score), overall
 *       {@code loss} their mean.</li>
 * </ul>
 *
 * <p>Thread-safe; runs on the request's thread.
 */
package dev.timbre.forcedalignment;
