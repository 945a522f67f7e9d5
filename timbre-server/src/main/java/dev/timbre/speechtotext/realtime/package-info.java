/**
 * {@code /v1/speech-to-text/realtime}: the WebSocket of the official SDK's {@code speechToText.realtime}: audio chunks
 * in, partial and committed transcripts out.
 *
 * <ul>
 *   <li>{@link dev.timbre.speechtotext.realtime.RealtimeRoutes}: at open, checks the key (upgrade header/query, or
 *       {@code token} taken as an API key: no single-use tokens here; missing/invalid → {@code auth_error}, 1008), the
 *       query ({@link dev.timbre.speechtotext.realtime.RealtimeOptions}: the SDK's params and ranges plus
 *       {@code inactivity_timeout} 1–180 s, default 20; bad → {@code invalid_request}, 1008), the engine (none →
 *       {@code transcriber_error}, 1011), the model ({@code scribe_v2_realtime} and friends, or any STT model) and
 *       the language; then starts a {@link dev.timbre.speechtotext.realtime.RealtimeSession}.</li>
 *   <li>{@link dev.timbre.speechtotext.realtime.RealtimeSession}: answers {@code session_started}; takes
 *       {@code input_audio_chunk} ({@code audio_base_64} ≤ 2 MiB decoded, {@code commit}, {@code sample_rate} equal
 *       to the format's, {@code previous_text} only with the first audio); bad messages → {@code input_error}
 *       ({@code chunk_size_exceeded} for big chunks) and the session goes on. On its worker: to 16 kHz
 *       ({@code ulaw_8000} expanded, other rates resampled), 20 ms frames into the engine's
 *       {@code RecognitionStream} (a {@code BufferedRecognitionStream} for batch engines), {@code partial_transcript}
 *       after ≥ 0.1 s of new audio when the text changed; commits on {@code commit: true} or, with
 *       {@code commit_strategy=vad}, after {@code vad_silence_threshold_secs} of silence following
 *       {@code min_speech_duration_ms} of speech (energy level −60…−20 dBFS → 0…1 against {@code vad_threshold}).
 *       A commit sends {@code committed_transcript}, plus {@code committed_transcript_with_timestamps} (seconds from
 *       the session start) with {@code include_timestamps}/{@code include_language_detection}.</li>
 *   <li>{@link dev.timbre.speechtotext.realtime.RealtimeMessages}: the server's messages, {@code message_type} first;
 *       {@link dev.timbre.speechtotext.realtime.RealtimeError}: {@code {message_type, error}}, fatal ones close.</li>
 * </ul>
 *
 * <p>Threading: messages are parsed on Jetty's receiving thread; audio work runs in order on the session's
 * {@code SocketWorker} ({@code stt-realtime}); one shared timer thread runs the inactivity clocks (no message and no
 * work for the timeout → {@code insufficient_audio_activity}, 1008). An engine failure → {@code transcriber_error},
 * 1011. On close the worker's last task closes the recognition stream, giving the engine's decoder back.
 */
package dev.timbre.speechtotext.realtime;
