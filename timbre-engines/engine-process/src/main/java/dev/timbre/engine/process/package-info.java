/**
 * Optional TTS providers that run an installed program once per sentence: {@code espeak-ng} and {@code flite}.
 * The server loads them as extra engines when {@code engines.extra_text_to_speech} asks (default {@code auto}: the
 * installed ones), skipping one that fails with a warning.
 *
 * <ul>
 *   <li>{@link dev.timbre.engine.process.EspeakTextToSpeech}: 11 languages × a female ({@code +f3}) and male
 *       ({@code +m3}) variant; audio streamed from stdout as made; SSML ({@code <speak}) via {@code -m} as one piece;
 *       speed → {@code -s} 175 × speed wpm; a request's language code switches language with the voice's variant.
 *       Output 22.05 kHz; no word timings.</li>
 *   <li>{@link dev.timbre.engine.process.FliteTextToSpeech}: flite's built-in US English voices (slt, rms, awb, kal16
 *       at 16 kHz; kal at 8 kHz, upsampled); each sentence goes to a temporary WAV file, sent when flite exits; speed
 *       → {@code duration_stretch} = 1 / speed. Output 16 kHz; English only, no SSML, no word timings.</li>
 *   <li>{@link dev.timbre.engine.process.ProcessSynthesis}: the shared runner: text in a temporary UTF-8 file, never a
 *       shell; WAV from stdout (streamed) or a temporary file; one watchdog thread ({@code tts-process-watchdog})
 *       kills the process on cancel or when a sentence passes its timeout (30 s by default); temp files deleted.</li>
 *   <li>{@link dev.timbre.engine.process.Programs}: short helper commands (versions, voice lists) with a timeout.</li>
 * </ul>
 *
 * <p>Each engine has a static {@code available()} check and throws {@code EngineException} from its constructor
 * when the program is missing. Thread-safe; each stream runs on its own daemon thread, one process at a time.
 */
package dev.timbre.engine.process;
