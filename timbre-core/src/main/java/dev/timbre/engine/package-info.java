/**
 * The engine SPI: the interfaces every speech, recognition, voice-activity and chat engine implements, and the
 * records they exchange. No HTTP, no third-party dependencies; engines live in {@code timbre-engines/*}.
 *
 * <ul>
 *   <li>{@link dev.timbre.engine.TextToSpeech}: {@code voices()}, {@code openStream(SpeechRequest, AudioSink)} →
 *       {@link dev.timbre.engine.SpeechStream} (close cancels; {@code await} blocks until the end); blocking
 *       {@code synthesize}. {@link dev.timbre.engine.ThreadedSpeechStream} runs a blocking synthesis on a daemon
 *       thread and guards the sink.</li>
 *   <li>{@link dev.timbre.engine.TimedSpeech}: optional, from {@code TextToSpeech.timedSpeech()}: speak a phrase's
 *       words with target start times, durations and pitch ratios (the voice changer); MaryTTS implements it.</li>
 *   <li>{@link dev.timbre.engine.VoiceCloning}: optional, from {@code TextToSpeech.cloning()}: {@code clone} samples
 *       into a provider voice id, {@code forget} it (remote providers; empty for the engines in process).</li>
 *   <li>{@link dev.timbre.engine.AudioSink}: {@code start(PcmFormat)} once, {@code audio}/{@code words} (seconds from
 *       the stream start), then exactly one of {@code end}/{@code error}; one thread at a time, arrays lent only for
 *       the call.</li>
 *   <li>{@link dev.timbre.engine.SpeechToText}: batch {@code transcribe}; {@code openStream} → a
 *       {@link dev.timbre.engine.RecognitionStream} (default {@link dev.timbre.engine.BufferedRecognitionStream}:
 *       re-transcribes the buffer at most once per 1 s of new audio); optional forced {@code align} (empty when the
 *       engine cannot). {@link dev.timbre.engine.RecognizedWord}: times in seconds, natural-log {@code logprob}, NaN
 *       when unscored.</li>
 *   <li>{@link dev.timbre.engine.VoiceActivityDetector}: speech probability 0..1 per 16 kHz frame of
 *       {@code frameSamples()}; one instance per audio stream (stateful).</li>
 *   <li>{@link dev.timbre.engine.LanguageModel}: agents' chat SPI, {@code open(ChatRequest, ChatListener)} →
 *       {@link dev.timbre.engine.ChatStream}; listener gets {@code text}/{@code toolCall}, then exactly one of
 *       {@code end(FinishReason, TokenUsage)}/{@code error}, one thread at a time, possibly before {@code open}
 *       returns; nothing after {@code close()} returns. Blocking {@code complete} → {@link dev.timbre.engine.ChatResult}.
 *       {@link dev.timbre.engine.ToolSpec} parameters are JSON Schema as plain Maps, {@link dev.timbre.engine.ToolCall}
 *       arguments are JSON text.</li>
 *   <li>Provider helpers: {@link dev.timbre.engine.ThreadedChatStream} (one daemon thread per reply, enforces the
 *       contract), {@link dev.timbre.engine.HttpChatStream} (retryable on timeout, unreachable, 408, 429, 5xx; sends
 *       through an {@link dev.timbre.engine.HttpTransport}: the JDK client, or the server's policy-checked client for
 *       user-supplied URLs),
 *       {@link dev.timbre.engine.ServerSentEvents}, {@link dev.timbre.engine.ServiceEndpoint} (base URL → {@code /v1/…}).</li>
 *   <li>{@link dev.timbre.engine.FallbackLanguageModel}: cascades providers; the next one on error, empty reply or no
 *       first output within the timeout, never after output was delivered.</li>
 *   <li>{@link dev.timbre.engine.SentenceSplitter}: text → sentences so the first is heard while the rest synthesise.</li>
 *   <li>{@link dev.timbre.engine.OutboundTrace}: the tracing hook engines' JDK HTTP calls go through
 *       ({@code HttpTransport.of}, engine-remote's exchanges): a no-op until the server installs one (OpenTelemetry
 *       client span + {@code traceparent}); keeps engines free of any tracing library. {@code OutboundTrace.carrying}
 *       hands the caller's trace to the threads {@code ThreadedSpeechStream} and {@code ThreadedChatStream} start.</li>
 * </ul>
 *
 * <p>Contracts: one engine instance serves all requests and is thread-safe (except per-stream objects); the owner
 * that built an engine closes it. Failures are {@link dev.timbre.engine.EngineException}s whose {@code retryable}
 * says whether the same request may succeed later (speech to text answers 503 when retryable, else 502). {@link
 * dev.timbre.engine.VoiceTuning} values are in the API's ranges (speed 0.7..1.2). The test-jar holds the contract
 * tests ({@code TextToSpeechContract}, {@code SpeechToTextContract}, {@code WordErrorRate}).
 */
package dev.timbre.engine;
