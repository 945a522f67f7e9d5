/**
 * The recording of a voice conversation: both sides mixed into one mono 16 kHz track, and the policy that says
 * whether a call is recorded. Storing and encoding it is {@code convai.conversations}' job.
 *
 * <ul>
 *   <li>{@link dev.timbre.convai.recording.CallRecording}: the mixer on the call timeline (sample {@code n} at
 *       {@code n / 16} ms from the session start): user chunks at {@code max(arrival, end of the previous user
 *       chunk)} so bursts stay contiguous, agent chunks at their playback time; overlaps summed and clipped to 16
 *       bits. Storage: 1 s {@code short[16000]} blocks allocated when audio first lands in them (silence costs
 *       nothing). Bounded: at most {@code maxSeconds}; later audio is dropped. {@code finish()} hands the blocks
 *       over; audio after it is ignored. While the call runs, {@code samples()} and {@code pcm(from, to)} copy what is
 *       recorded so far (the live parts, {@code convai.conversations.LiveRecordings}).</li>
 *   <li>{@link dev.timbre.convai.recording.RecordedCall}: the finished, immutable track ({@code samples()},
 *       {@code hasUserAudio()}, {@code hasAgentAudio()}, {@code pcm(consumer)}); any thread may read it.</li>
 *   <li>{@link dev.timbre.convai.recording.RecordingPolicy}: voice conversations are recorded unless
 *       {@code platform_settings.privacy.record_voice} is false or {@code zero_retention_mode} is true; text-only ones
 *       never; capped at {@code conversation.max_duration_seconds} when positive, at most one hour.</li>
 * </ul>
 *
 * <p>Threading: {@code CallRecording} is synchronized: the session loop feeds it, {@code finish} may come from another
 * thread. A client that hung up has only what it heard recorded (agent audio enters at playback).
 */
package dev.timbre.convai.recording;
