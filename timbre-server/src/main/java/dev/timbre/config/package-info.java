/**
 * The server's configuration: one immutable record tree and how it is loaded. Read once at start-up by
 * {@code dev.timbre.Main} and handed down by {@code ServerAssembly}; nothing reads the environment elsewhere.
 *
 * <ul>
 *   <li>{@link dev.timbre.config.TimbreConfig}: host, port (default 8080; 0 picks a free one), data dir (default
 *       {@code data}: embedded H2 database, blobs, bootstrap key, {@code secrets.key}), bootstrap API key, database
 *       (null URL = embedded H2), {@code Engines} (TTS {@code marytts}, extras {@code auto}, STT {@code auto},
 *       optional remote servers in records of their own: {@link dev.timbre.config.RemoteSpeechToText},
 *       {@link dev.timbre.config.RemoteTextToSpeech}, {@link dev.timbre.config.RemoteEmbeddings}, and
 *       {@link dev.timbre.config.Nodes}: role all/api/engine and the engine-node health-check period), model overrides, {@code Limits}, {@code Account} (the single user of
 *       {@code GET /v1/user}), {@code Webhooks} (speech-to-text and post-call targets), {@code llm}.</li>
 *   <li>{@link dev.timbre.config.ConfigLoader}: lowest precedence first: {@code defaults()} → the YAML file of
 *       {@code --config}/{@code TIMBRE_CONFIG} (snake_case keys, objects deep-merged) → {@code TIMBRE_*} environment
 *       variables → flags ({@code --port}, {@code --data}, {@code --database-url}…). Port outside 0–65535 fails.</li>
 *   <li>{@link dev.timbre.config.LlmSettings} + {@link dev.timbre.config.LlmProvider}: the language-model servers
 *       agents may use ({@code openai}, {@code anthropic} or {@code rules}), tried in order, the first whose
 *       {@code serves} glob matches an agent's {@code llm} wins; none → the rule model (not an AI); cascade
 *       first-output timeout 8 s by default.</li>
 *   <li>{@link dev.timbre.config.LlmOverrides}: {@code TIMBRE_LLM_URL}/{@code _API_KEY}/{@code _MODEL}/{@code _KIND}/
 *       {@code _SERVES} and {@code --llm-*} flags make one provider named {@code env}, tried before the file's.</li>
 * </ul>
 *
 * <p>Limits (defaults): JSON body 2 MiB, multipart upload 100 MiB, concurrent syntheses 8 per CPU (0 = that), 64
 * requests may wait for a synthesis slot, one more gets 429; {@link dev.timbre.config.CounterSettings} ({@code limits.counters})
 * names where agents' and addresses' conversation limits are counted (memory, database or Redis). Secrets ({@code apiKey} of providers and remote STT) are
 * masked in {@code toString()} so a logged configuration does not leak them.
 */
package dev.timbre.config;
