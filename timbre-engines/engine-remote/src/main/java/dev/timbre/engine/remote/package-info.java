/**
 * Engines that call another server. Today one: STT provider {@code openai}, for any server speaking OpenAI's
 * {@code POST /v1/audio/transcriptions} (OpenAI, Whisper behind faster-whisper-server, speaches, LocalAI, vLLM…).
 *
 * <ul>
 *   <li>{@link dev.timbre.engine.remote.OpenAiTranscriptionSpeechToText}: each {@code transcribe} sends the PCM as a
 *       16-bit WAV in multipart/form-data ({@code file}, {@code model} (default {@code whisper-1}), {@code language}
 *       when given, {@code response_format=verbose_json}, {@code timestamp_granularities[]=word}),
 *       {@code Authorization: Bearer} when a key is set; reads {@code text}, {@code language}, {@code words} (a
 *       {@code probability} becomes the logprob), else {@code segments} spread over their words by length.</li>
 *   <li>{@link dev.timbre.engine.remote.WhisperLanguages}: Whisper's languages as ISO 639-1, and the names servers
 *       answer with ({@code english}) mapped back.</li>
 * </ul>
 *
 * <p>Limits: connect timeout 10 s, whole request 300 s by default (configurable). Batch only (realtime sessions
 * buffer until commit), no alignment. Errors are {@code EngineException}s, retryable for unreachable server, timeout,
 * 5xx, 408 and 429. Thread-safe (one JDK {@code HttpClient}, HTTP/1.1). Configured by
 * {@code engines.remote_speech_to_text}; nothing is sent anywhere unless this provider is configured. The test-jar
 * holds {@code FakeTranscriptionServer} (a JDK {@code HttpServer} that records multipart requests).
 */
package dev.timbre.engine.remote;
