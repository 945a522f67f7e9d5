/**
 * Engines that call another server: STT provider {@code openai}, for any server speaking OpenAI's
 * {@code POST /v1/audio/transcriptions} (OpenAI, Whisper behind faster-whisper-server, speaches, LocalAI, vLLM…), and
 * TTS providers {@code openai} ({@code POST /v1/audio/speech}: Kokoro-FastAPI, Speaches, LocalAI, openedai-speech,
 * vLLM, OpenAI) and {@code elevenlabs} ({@code POST /v1/text-to-speech/{voice_id}/stream}: another Timbre, ElevenLabs).
 *
 * <ul>
 *   <li>{@link dev.timbre.engine.remote.OpenAiTranscriptionSpeechToText}: each {@code transcribe} sends the PCM as a
 *       16-bit WAV in multipart/form-data ({@code file}, {@code model} (default {@code whisper-1}), {@code language}
 *       when given, {@code response_format=verbose_json}, {@code timestamp_granularities[]=word}),
 *       {@code Authorization: Bearer} when a key is set; reads {@code text}, {@code language}, {@code words} (a
 *       {@code probability} becomes the logprob), else {@code segments} spread over their words by length.</li>
 *   <li>{@link dev.timbre.engine.remote.WhisperLanguages}: Whisper's languages as ISO 639-1, and the names servers
 *       answer with ({@code english}) mapped back.</li>
 *   <li>{@link dev.timbre.engine.remote.OpenAiSpeechTextToSpeech}, {@link dev.timbre.engine.remote.ElevenLabsTextToSpeech}:
 *       one request per synthesis (asking for raw PCM), its body passed on as it arrives by {@code StreamedSpeechBody}
 *       (raw PCM at the configured rate, or a 16-bit WAV whose sizes are not trusted; stereo mixed down; at most
 *       {@code maxAudioBytes}). No word timings: the server aligns the audio. Requests go through the
 *       {@link dev.timbre.engine.HttpTransport} the server supplies (its outbound policy). Error messages name the
 *       provider, never the URL.</li>
 *   <li>Voice cloning ({@link dev.timbre.engine.VoiceCloning}, offered by {@code cloning()}): {@code elevenlabs}
 *       {@code POST /v1/voices/add} / {@code DELETE /v1/voices/{id}} unless turned off; {@code openai} only with a
 *       clone path, Chatterbox-TTS-API style ({@code POST /v1/voices} with {@code voice_name} + {@code voice_file},
 *       {@code DELETE /v1/voices/{name}}). Bodies by {@code MultipartBody}, sample types by {@code SampleTypes}.</li>
 *   <li>{@code RemoteVoiceCatalog}: voices decided once at load: the server's listing ({@code GET /v1/audio/voices},
 *       {@code GET /v2/voices}), kept in a cache file; else that cache; else the configured ids; else defaults
 *       (OpenAI's voices for {@code openai}). {@code SpeechVoiceNames} labels Kokoro ids ({@code af_bella}).</li>
 *   <li>{@link dev.timbre.engine.remote.RemoteSpeechSettings}: URL, key, model, voices, timeout, PCM rate, bound.</li>
 * </ul>
 *
 * <p>Limits: connect timeout 10 s, whole request 300 s by default (configurable). Batch only (realtime sessions
 * buffer until commit), no alignment. Errors are {@code EngineException}s, retryable for unreachable server, timeout,
 * 5xx, 408 and 429. Thread-safe (one JDK {@code HttpClient}, HTTP/1.1). Configured by
 * {@code engines.remote_speech_to_text}; nothing is sent anywhere unless this provider is configured. The test-jar
 * holds {@code FakeTranscriptionServer} (a JDK {@code HttpServer} that records multipart requests) and
 * {@code FakeSpeechServer} (both TTS APIs and their clone endpoints; a tone per word so that an aligner finds the words).
 */
package dev.timbre.engine.remote;
