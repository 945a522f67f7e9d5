/**
 * {@code POST /v1/speech-to-speech/{voice_id}} and {@code …/stream}: the voice changer.
 *
 * <ul>
 *   <li>{@link dev.timbre.speechtospeech.SpeechToSpeechRoutes}: multipart and query parsing, whole or streamed
 *       response; {@link dev.timbre.speechtospeech.SpeechToSpeechRequest} the checked request.</li>
 *   <li>{@link dev.timbre.speechtospeech.SpeechToSpeechService}: model (422 unless a speech-to-speech model), voice
 *       (404), upload decoded as for speech to text (400 undecodable or silent, 413 over 300 s), the speaker
 *       package's {@code NoiseGate} for {@code remove_background_noise} (a high-pass and noise-floor gate, not a
 *       denoiser), at most 2 conversions at once (429 after 10 s).</li>
 *   <li>Embedded engine: {@link dev.timbre.speechtospeech.SourceSegments} cuts the source at pauses ({@link
 *       dev.timbre.speechtospeech.PauseCuts}) and hears it piece by piece as the conversion reaches each piece (so a
 *       stream starts after the first piece, not the whole source): {@link dev.timbre.speechtospeech.SourceSpeech}
 *       recognises a piece with the server's speech-to-text engine, aligns its own transcript for word times, and
 *       measures each word's pitch against the whole source's voiced median ({@link dev.timbre.speechtospeech.SourcePitch}); {@link dev.timbre.speechtospeech.VoiceConversion}
 *       re-speaks it phrase by phrase through the target voice's engine's {@code TimedSpeech} (MaryTTS: the words'
 *       durations and pitches imposed on its acoustic parameters; engines without it: {@link dev.timbre.speechtospeech.StretchedSpeech},
 *       synthesis as text then {@link dev.timbre.audio.Wsola} time-stretching, no pitch following), each
 *       phrase placed at its source start as the recogniser hears it ({@link dev.timbre.speechtospeech.PhraseOnset}),
 *       pauses filled with {@link dev.timbre.speechtospeech.QuietNoise} (recognisers misplace words after exact zeros);
 *       {@link dev.timbre.speechtospeech.EmbeddedConversion} encodes it to the output format as it goes and stores
 *       the history item (source {@code STS}) at the end. Not charged in characters.</li>
 *   <li>{@link dev.timbre.speechtospeech.VoiceChangerProvider}: with {@code TIMBRE_VOICE_CHANGER_URL} (and
 *       optionally {@code TIMBRE_VOICE_CHANGER_API_KEY}) every request is forwarded to an ElevenLabs-shaped
 *       endpoint ({@link dev.timbre.speechtospeech.ProviderForm}) and its audio passed on as it arrives.</li>
 * </ul>
 *
 * <p>Threading: each conversion runs on the request's thread; the service is thread-safe.
 */
package dev.timbre.speechtospeech;
