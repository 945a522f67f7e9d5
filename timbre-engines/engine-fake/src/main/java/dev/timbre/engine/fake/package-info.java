/**
 * Deterministic engines for tests: same input, same output, real timings, no models. Registered in the server's
 * engine catalogue as TTS provider {@code fake} and STT provider {@code fake}; never a default.
 *
 * <ul>
 *   <li>{@link dev.timbre.engine.fake.ToneTextToSpeech}: each word becomes a 0.25 s sine tone (pitch from voice and
 *       word) plus 0.05 s of silence, 16 kHz; exact word timings ({@code secondsFor(text)} predicts the length);
 *       voices {@code tone-a} and {@code tone-b}.</li>
 *   <li>{@link dev.timbre.engine.fake.FakeSpeechToText}: an energy detector over 10 ms frames; each voiced stretch
 *       (ended by 30 ms of silence) becomes {@code max(1, round(seconds / 0.3))} words {@code word1}, {@code word2}…
 *       spread over it, so each tone word comes back as one word; silence gives an empty transcript. Streaming
 *       ({@code openStream}: partials as stretches accumulate) and a fake {@code align} (given words laid over the
 *       stretches in order, logprob 0).</li>
 * </ul>
 *
 * <p>Both are thread-safe and hold no resources ({@code close} does nothing).
 */
package dev.timbre.engine.fake;
