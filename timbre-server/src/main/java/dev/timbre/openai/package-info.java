/**
 * OpenAI's audio API as an alias on Timbre's own use cases, so OpenAI SDK clients work with a changed base URL:
 * {@code POST /v1/audio/speech} and {@code POST /v1/audio/transcriptions} (two route groups on {@code /v1/audio}).
 *
 * <ul>
 *   <li>{@link dev.timbre.openai.OpenAiSpeechRoutes} on {@code TextToSpeechService} ({@code prepare} with a speed
 *       override, then the audio stream): audio streamed chunked as it is encoded, or with
 *       {@code stream_format: "sse"} {@code speech.audio.delta} events ending in {@code speech.audio.done}. Character
 *       accounting and history are those of ElevenLabs TTS.</li>
 *   <li>{@link dev.timbre.openai.OpenAiSpeechChecks}: {@code model} ({@code tts-1} → {@code eleven_flash_v2_5};
 *       {@code tts-1-hd}, {@code gpt-4o-mini-tts} → {@code eleven_multilingual_v2}; other ids passed on),
 *       {@code input} (≤ 4096 characters), {@code voice}, {@code speed} (0.25–4.0), {@code response_format} (mp3 →
 *       {@code mp3_44100_128}, opus → {@code opus_48000_64}, wav/pcm → 24 kHz; aac and flac refused);
 *       {@code instructions} ignored.</li>
 *   <li>{@link dev.timbre.openai.OpenAiVoices}: the 11 OpenAI names (alloy, ash, ballad, coral, echo, fable, onyx,
 *       nova, sage, shimmer, verse), in that order, onto the premade voices by index modulo their count; a Timbre
 *       voice id or {@code {"id": …}} works too; anything else 404.</li>
 *   <li>{@link dev.timbre.openai.OpenAiTranscriptionRoutes} on {@code SpeechToTextService.transcribe}: OpenAI models
 *       ({@code whisper-1}, {@code gpt-4o-transcribe}, {@code gpt-4o-mini-transcribe}) run as {@code scribe_v1};
 *       {@code response_format} json, text, srt, vtt ({@code speechtotext.TranscriptSegments}) or verbose_json
 *       (per {@code timestamp_granularities[]}); {@code stream=true} → SSE {@code transcript.text.delta} then
 *       {@code transcript.text.done}; {@code prompt} ignored; never stored.</li>
 *   <li>{@link dev.timbre.openai.OpenAiErrors}: OpenAI's body {@code {"error":{"message","type","param","code"}}};
 *       ElevenLabs' 422 becomes 400 with {@code param}; other errors keep their status, {@code code} = the
 *       ElevenLabs code. Both route groups install it with {@code ErrorBodies.useShape} in a {@code before} handler,
 *       so every error of these paths, authentication included, has this shape.</li>
 * </ul>
 */
package dev.timbre.openai;
