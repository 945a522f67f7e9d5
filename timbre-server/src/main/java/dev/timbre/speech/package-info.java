/**
 * Speech synthesis for every feature: text to speech, dialogue, the OpenAI alias, the stream-input sockets and agent
 * speech reach the engines only through this package.
 *
 * <p>Flow: the caller builds a {@link dev.timbre.speech.SpeechScript} (segments, each with its engine, engine request
 * and text; an output format or raw PCM; whether to keep the audio) and calls
 * {@link dev.timbre.speech.SpeechSynthesizer#open}, which admits the run with the
 * {@link dev.timbre.speech.SpeechScheduler} (or refuses it: {@link dev.timbre.speech.SpeechException.Busy}) and opens
 * the first engine (or reports its refusal: {@link dev.timbre.speech.SpeechException.Refused}). The caller then does
 * its own steps before the first audio (charging characters: the engine is already working, so this costs the first
 * audio no time) and pulls {@link dev.timbre.speech.SpeechRun#next} until it returns null; the last chunk is flagged.
 * With the audio kept, {@link dev.timbre.speech.SpeechRun#keptAudio} is what the caller records in the history after
 * the last chunk; {@link dev.timbre.speech.RecordedRun} is that step for the API services (TTS, dialogue): a subclass
 * keeps the audio when the last chunk is pulled, on the pulling thread. Beyond that subclass's own hook nothing here
 * calls back into a caller, and nothing here knows HTTP: the edge maps {@link dev.timbre.speech.SpeechException}s to responses ({@code dev.timbre.http.SpeechErrors}).
 *
 * <p>Scheduling is per chunk, not per request: a run holds a slot while it pulls a chunk; a streamed run that is ahead
 * of its listener gives its slot up while other runs wait for their first audio, and its engine stops once its
 * bounded event queue ({@code SpeechEvents}) is full. See {@link dev.timbre.speech.SpeechScheduler}.
 *
 * <p>Threading and ownership: a run is pulled by one thread; the engines work on threads of their own and hand their
 * output through a bounded queue per segment. Whoever opens a run closes it (try-with-resources), also after the last
 * chunk; {@link dev.timbre.speech.SpeechRun#close} is idempotent, may come from any thread, cancels the engine work
 * and gives the slot back. Buffers are bounded: the engine queue per segment, the chunks of one engine event.
 */
package dev.timbre.speech;
