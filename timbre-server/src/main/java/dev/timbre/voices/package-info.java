/**
 * {@code /v1/voices}, {@code /v2/voices} and {@code /previews}: the voices of this installation, and the one place
 * other areas turn a voice id into an engine voice ({@link dev.timbre.voices.VoicesService#resolve}).
 *
 * <ul>
 *   <li>{@link dev.timbre.voices.VoicesRoutes}: v1 list, {@code settings/default}, {@code add} (multipart),
 *       get/delete, settings get/edit, {@code edit}, sample audio; {@code v2()}: search, filter, sort and page
 *       ({@code page_size} 1–100, default 10; {@link dev.timbre.voices.VoiceSearch}: total order with ties in the
 *       listing's order (default voice first), so {@code next_page_token} (an offset) visits every voice once while
 *       the list is unchanged).</li>
 *   <li>{@link dev.timbre.voices.VoicesService}: premade voices plus instant clones. A clone speaks with the engine
 *       voice of the main TTS provider and the {@link dev.timbre.engine.VoiceShape} that
 *       {@link dev.timbre.voices.VoiceFitting} fits to its samples (pitch, range, rate, timbre of the speaker; refitted
 *       when {@code edit} adds samples); premade voices cannot be edited or deleted (400), only their settings stored.</li>
 *   <li>{@link dev.timbre.voices.VoiceFitting}: samples → {@code Fit(provider, engineVoiceId, shape)}, the one step
 *       instant and professional cloning share ({@link dev.timbre.speaker} measures); 400 for silent, too short (&lt; 1 s
 *       of speech), too long (&gt; 600 s), several speakers, undecodable. A main TTS provider that clones
 *       ({@code TextToSpeech.cloning()}) gets the checked samples instead ({@code RemoteClones}: 503 when it is down,
 *       400 {@code voice_clone_refused}); {@code forget} deletes such a remote voice when its Timbre voice goes.</li>
 *   <li>{@link dev.timbre.voices.PremadeVoices}: the loaded engines' voices as ElevenLabs premade voices; id =
 *       {@code Ids.stable(provider + ":" + engineVoiceId)}, stable across restarts. Listed in {@code VoiceOrder}: the
 *       default voice (the main engine's first English voice, label {@code "default": "true"}) first, then English
 *       voices, then the rest, the main engine's before the others' in each; descriptions end with the base voice
 *       ({@code (engine marytts, voice cmu-slt-hsmm)}). An unknown voice id (e.g. one from ElevenLabs' library) is a
 *       404 {@code voice_not_found} that says to list this server's voices with {@code GET /v2/voices}.</li>
 *   <li>{@link dev.timbre.voices.VoiceSamples}: uploads must decode as WAV or MP3 (else 400 {@code invalid_audio},
 *       nothing written); audio in the blob store under {@code voices/{voice}/samples/{sample}.{wav|mp3}}.</li>
 *   <li>{@link dev.timbre.voices.VoiceRepository}: tables {@code voices}, {@code voice_samples},
 *       {@code voice_settings}; multi-row writes are one transaction.</li>
 *   <li>{@link dev.timbre.voices.VoicePreviews} + {@link dev.timbre.voices.PreviewRoutes}: {@code GET
 *       /previews/{voice}.mp3}, public (no key) like ElevenLabs' preview URLs; made by the voice's own engine on first
 *       request ("Hello, I'm …"), kept in the blob store, never charged or logged in history.</li>
 *   <li>{@link dev.timbre.voices.VoiceSettings}: the wire shape; as a request every field may be null (keep);
 *       ranges stability, similarity, style 0..1, speed 0.7..1.2 (422 list); defaults 0.5 / 0.75 / 0 / 1.0,
 *       speaker boost on. {@link dev.timbre.voices.ResolvedVoice}: provider, engine voice id and complete settings.</li>
 *   <li>{@link dev.timbre.voices.ProfessionalVoices}: the fine-tuning and verification state of professional voices,
 *       supplied by {@code voices.pvc} through {@link dev.timbre.voices.VoicesService#professional} (no dependency on
 *       it). {@link dev.timbre.voices.VoiceFitting}: an engine voice and shape fitted to samples (PVC training).</li>
 * </ul>
 *
 * <p>Writes: blob first, then rows; a failed row write removes the blobs it wrote. Thread-safe.
 */
package dev.timbre.voices;
