/**
 * {@code /v1/text-to-voice}: voice design. A description becomes engine and parameter choices, never a new model: an
 * engine voice of the loaded engines (MaryTTS presets, espeak-ng, flite, …) plus a {@link dev.timbre.engine.VoiceShape}.
 *
 * <ul>
 *   <li>{@link dev.timbre.texttovoice.TextToVoiceRoutes}: HTTP only; {@code output_format} defaults to
 *       {@code mp3_44100_192} as the OpenAPI says.</li>
 *   <li>{@link dev.timbre.texttovoice.DescriptionReader}: description → {@link dev.timbre.texttovoice.VoiceTraits}
 *       (gender, age, accent; pitch, range, rate, formant departures). {@link dev.timbre.texttovoice.VocabularyReader}
 *       reads known words; {@link dev.timbre.texttovoice.LanguageModelReader} asks a configured LLM for the same
 *       attributes as JSON and falls back to the vocabulary.</li>
 *   <li>{@code VoiceCasting}: traits → three (engine voice, shape) casts: different base voices ranked by accent,
 *       gender, age and language where the engines offer them, a compensating shape where the base voice's own labels
 *       differ (a female voice made male is pitched down with a longer tract), a seeded variation per preview
 *       ({@code seed} repeats a design, {@code guidance_scale} narrows the variation). A remix moves the voice's own
 *       base and shape at three strengths ({@code prompt_strength} scales them), recasting the base only when the
 *       description names another gender or accent.</li>
 *   <li>{@code PreviewAudio}: speaks through {@link dev.timbre.speech.SpeechSynthesizer} (whole-file runs, one preview
 *       after another on the request thread), applies {@code loudness} (0.5 as spoken, 6 dB per 0.5, peak-limited).
 *       Previews are not charged and not in the history.</li>
 *   <li>{@code PreviewRepository}: table {@code voice_previews} (V17); audio as MP3 under
 *       {@code text-to-voice/previews/{id}.mp3}, blob first then row; kept 24 h, swept (row, then blob) at most once a
 *       minute by the next request; the start-up orphan sweep removes blobs without a row.</li>
 *   <li>{@code POST /v1/text-to-voice} stores the preview's engine voice and shape as a voice of category
 *       {@code generated} through {@link dev.timbre.voices.VoiceRepository}; it speaks like every stored voice.</li>
 * </ul>
 *
 * <p>Thread-safe; all work runs on the calling thread.
 */
package dev.timbre.texttovoice;
