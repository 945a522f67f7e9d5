/**
 * Which language model serves an agent: its prompt settings plus the server's configured providers → a
 * {@code dev.timbre.engine.LanguageModel}. Used by live conversations, simulations and post-call analysis.
 *
 * <ul>
 *   <li>{@link dev.timbre.convai.llm.AgentLanguageModels}: the interface features depend on
 *       ({@code forPrompt(prompt)}).</li>
 *   <li>{@link dev.timbre.convai.llm.ConfiguredLanguageModels}: {@code llm: custom-llm} → an OpenAI-compatible model
 *       at {@code custom_llm.url} ({@code model_id}, {@code api_key} from the workspace secrets,
 *       {@code request_headers}; reached through {@code outbound.OutboundTransport}, the user-URL policy); otherwise the
 *       first {@code config.LlmProvider} whose {@code serves} glob matches
 *       {@code llm}; nothing matches → the rule model (not an AI). Backups ({@code backup_llm_config}):
 *       {@code disabled} none, {@code override} its {@code order}, {@code default} the other providers that pin a
 *       model; with backups a {@code FallbackLanguageModel} whose first-output timeout is the agent's
 *       {@code cascade_timeout_seconds} clamped to 1–60 s, else the configured one (8 s).</li>
 *   <li>{@link dev.timbre.convai.llm.LlmPrompt}: the prompt's LLM fields read leniently; {@code request(...)} carries
 *       {@code temperature} and {@code max_tokens} (only values above 0; -1 = provider default) into every
 *       {@code ChatRequest}.</li>
 *   <li>{@link dev.timbre.convai.llm.ModelSpec}: the cache key (kind, URL, resolved key, model, headers, timeout).</li>
 *   <li>{@link dev.timbre.convai.llm.UnavailableLanguageModel}: a model that cannot be built (missing secret, no URL)
 *       fails every request at once with a non-retryable {@code EngineException} naming the reason; in a cascade
 *       the next model takes over.</li>
 * </ul>
 *
 * <p>Ownership: models are cached per distinct {@code ModelSpec} and owned here; callers never close them;
 * {@code Timbre} closes {@code ConfiguredLanguageModels} at shutdown, which closes them all. Thread-safe.
 */
package dev.timbre.convai.llm;
