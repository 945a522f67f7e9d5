/**
 * TTS provider {@code marytts}: MaryTTS 5.2.1 in process, the embedded default text-to-speech engine (US English).
 *
 * <ul>
 *   <li>{@link dev.timbre.engine.marytts.MaryTextToSpeech}: the engine. Plain text is split into sentences
 *       ({@code dev.timbre.engine.SentenceSplitter}) and spoken one document per sentence, so audio starts after the
 *       first; text starting with {@code <speak} or {@code <?xml} is SSML, spoken as one piece. Language code ignored.</li>
 *   <li>{@link dev.timbre.engine.marytts.VoicePreset}: the six voices, all MaryTTS's one voice {@code cmu-slt-hsmm}
 *       with its pitch reshaped (F0 add in Hz, F0 scale) and its own tempo; ids are stable (premade voice ids derive
 *       from them).</li>
 *   <li>{@link dev.timbre.engine.marytts.SpeechRenderer}: one request, document by document: acoustic parameters →
 *       {@link dev.timbre.engine.marytts.PitchShift} → word timings ({@link dev.timbre.engine.marytts.WordTimeline})
 *       → vocoding of the same parameters, so audio and timings agree within 5 ms per document.</li>
 *   <li>{@link dev.timbre.engine.marytts.MaryTimedSpeech}: {@code TimedSpeech} for the voice changer: a phrase's
 *       words analysed as text, then {@link dev.timbre.engine.marytts.PhraseTiming} scales each word's phone durations
 *       to its target and its F0 targets to its pitch ratio × the phrase's median, pauses cut to 5 ms, and the same
 *       document vocoded (leading pause trimmed).</li>
 *   <li>Inline phonemes in plain text, {@code [[ipa:təˈmɑːtoʊ|tomato]]} or {@code [[cmu-arpabet:T AH0 M AA1 T OW2|tomato]]}
 *       (pronunciation dictionaries' phoneme rules): {@link dev.timbre.engine.marytts.MaryPhonemes} converts them to
 *       MaryTTS's en_US phones, {@link dev.timbre.engine.marytts.SsmlDocuments} makes them SSML {@code <phoneme>}s and
 *       {@link dev.timbre.engine.marytts.SpeechRenderer} puts them in the token's {@code ph} (MaryTTS 5.2.1's SSML
 *       reader only keeps them as {@code sampa}, which its phonemiser ignores). Phones MaryTTS lacks are dropped; no
 *       usable phone leaves the word as written.</li>
 *   <li>{@link dev.timbre.engine.marytts.SsmlDocuments}: speed → {@code <prosody rate="±N%">};
 *       {@link dev.timbre.engine.marytts.ProsodyVariation}: stability below 0.5 and style → a pitch contour (up to
 *       ±30% and ±25% more), seeded, so the same request and seed give the same audio.</li>
 *   <li>{@link dev.timbre.engine.marytts.MaryRuntime}: MaryTTS's static system, started once per JVM, never shut down;
 *       everything from the classpath, no network.</li>
 * </ul>
 *
 * <p>Output: s16le mono at 48 kHz in chunks of at most 100 ms; word timings in seconds from the stream start, sent
 * just before their audio. Threading: every stream renders on its own daemon thread ({@code marytts-tts}) with its
 * own MaryTTS interfaces and documents, so streams run in parallel. Pitch is reshaped in the per-request document,
 * never with MaryTTS's audio effects (their parameters live on the shared voice and concurrent requests corrupted
 * each other). {@code close()} does nothing.
 */
package dev.timbre.engine.marytts;
