/**
 * Which engines this server runs: the explicit provider lists, loading them at start-up, and binding ElevenLabs model
 * ids to them. The only package that names engine implementations; everything else sees the {@code dev.timbre.engine}
 * SPI.
 *
 * <ul>
 *   <li>{@link dev.timbre.engines.EngineCatalog}: TTS providers {@code marytts}, {@code fake}, {@code espeak-ng},
 *       {@code flite}; STT providers {@code pocketsphinx}, {@code sphinx4}, {@code openai} (remote), {@code fake}.
 *       The required TTS engine, then the extras ({@code auto} = the installed ones among espeak-ng and flite, none
 *       when the main engine is {@code fake}), load on a daemon thread ({@code engine-loader}); a failing extra is
 *       skipped with a warning, a failing main engine makes {@code failed()} true ({@code /health} 503). STT loads on
 *       its own thread ({@code stt-engine-loader}): {@code none} (no engine: STT endpoints answer 503),
 *       {@code auto} (pocketsphinx when installed, else sphinx4) or a named provider; one that fails is logged and
 *       absent. {@code openai} without a URL fails at start-up. Accessors wait up to 60 s for loading.</li>
 *   <li>{@link dev.timbre.engines.RemoteSpeechProviders}: TTS providers {@code openai} and {@code elevenlabs} (remote,
 *       {@code engines.remote_text_to_speech}), made on the loader thread when named as main engine or extra (a named
 *       one without a URL fails at start-up); each has its own {@code OutboundHttp}: the outbound policy plus the
 *       configured host and port. Each is wrapped in {@code ForcedAlignedSpeech}: audio passed on as it arrives and
 *       kept (≤ 300 s), word timings from the STT engine's forced alignment just before the end.</li>
 *   <li>{@link dev.timbre.engines.ModelCatalog} + {@link dev.timbre.engines.ModelSpec}: the model ids of
 *       {@code models.yaml} (capability {@code text_to_speech}/{@code speech_to_speech}/{@code speech_to_text}, what
 *       {@code /v1/models} reports, character limits); every TTS model bound to the main TTS provider unless
 *       {@code models:} in the config names another (an unknown id fails start-up); a model is listed only while its
 *       engine is loaded. Immutable.</li>
 *   <li>{@link dev.timbre.engines.TextEmbeddings}: RAG's one embedding engine, all-MiniLM-L6-v2 in process or an
 *       OpenAI-compatible server ({@code engines.remote_embeddings}); loaded at first use (not at start-up), a failed load
 *       retried at most every 30 s.</li>
 *   <li>{@link dev.timbre.engines.NodeRole}: {@code TIMBRE_ROLE} {@code all}/{@code api}/{@code engine}: which
 *       optional engines an api node skips, which mounts an engine node keeps (the composition root asks it).</li>
 *   <li>{@link dev.timbre.engines.EngineNodes}: the {@code elevenlabs} provider when its URL is a list of
 *       {@code pattern=url} routes: one {@code EngineNodeClient} per engine node, a synthesis routed by model id
 *       ({@link dev.timbre.engines.EngineNodes#forModel}, called by the TTS service) to the first healthy match,
 *       which is asked for that model id (and sent a fitted clone's {@code timbre_voice_shape}), else a local engine;
 *       {@code EngineNodeHealth} polls each node's {@code /health/ready} on one daemon thread. Closed with the
 *       catalog. {@link dev.timbre.engines.EngineNodesSpeechToText}: the {@code openai} STT provider when its URL is
 *       a list of routes (or plain URLs, each {@code *}): routed by the request's {@code model_id}
 *       ({@code forModel}, called by the STT service) to the first healthy match, asked for that model, a retryable
 *       failure passing to the next match.</li>
  <li>{@link dev.timbre.engines.VoiceActivityDetectors}: Silero VAD loaded once (one ONNX session for every call),
 *       else the energy detector with one warning; {@code get()} gives a new detector per voice conversation.
 *       {@code close} waits for frames being scored and frees the session; detectors still held then score 0.</li>
 * </ul>
 *
 * <p>Ownership: {@code Timbre} owns the catalog and the detectors and closes them; closing the catalog closes every
 * loaded engine. Callers never close an engine they got from here. Thread-safe.
 */
package dev.timbre.engines;
