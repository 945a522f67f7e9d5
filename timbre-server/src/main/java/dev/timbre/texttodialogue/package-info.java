/**
 * {@code /v1/text-to-dialogue}: several voices speaking a script in turn, as one audio file or stream.
 *
 * <ul>
 *   <li>{@link dev.timbre.texttodialogue.TextToDialogueRoutes}: {@code POST} whole audio, {@code /stream},
 *       {@code /with-timestamps} (JSON) and {@code /stream/with-timestamps} (newline-delimited JSON,
 *       {@code application/x-ndjson}: the SDK splits on {@code "\n"}); headers {@code request-id},
 *       {@code x-character-count}, {@code history-item-id} (when logging); streams write each chunk once encoded.</li>
 *   <li>{@link dev.timbre.texttodialogue.DialogueChecks}: in order: shape of {@code inputs} (422), at most 10 distinct
 *       voices (422), total length against the model's limit (422), then each line as a text-to-speech request via
 *       {@code TextToSpeechService.prepare} (unknown model 400, unknown voice 404, bad settings/seed 422).</li>
 *   <li>{@link dev.timbre.texttodialogue.TextToDialogueService}: runs a prepared dialogue under the shared synthesis
 *       slots; all characters charged just before the first audio is sent; one history item (source {@code TTS},
 *       {@code dialogue} filled, no single voice or text) when the audio is complete, unless
 *       {@code enable_logging=false}.</li>
 *   <li>{@link dev.timbre.texttodialogue.DialogueMix}: speaks the lines in order, each with its own engine (raw PCM),
 *       resamples every engine to the output rate and feeds ONE encoder, 0.2 s of silence between lines; alignment
 *       times shifted to each line's position, character indices into the concatenated input texts.</li>
 *   <li>{@link dev.timbre.texttodialogue.VoiceSegment}: one input's span in seconds and characters (end exclusive);
 *       {@code voice_segments} is always a list, even empty (the SDK requires it).</li>
 * </ul>
 *
 * <p>Threading: each dialogue runs on the request's thread; a {@code DialogueMix} is single-use, not thread-safe.
 */
package dev.timbre.texttodialogue;
