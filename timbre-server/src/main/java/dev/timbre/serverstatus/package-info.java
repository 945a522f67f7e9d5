/**
 * Timbre's own server status, for operators and the web app's Settings page: {@code GET /v1/timbre/engines}. Not an
 * ElevenLabs endpoint (not in the specification, so not in {@code /openapi.json}); key-protected like every
 * {@code /v1} route and readable with {@code workspace_read} ({@code access.RoutePermissions}).
 *
 * <ul>
 *   <li>{@link dev.timbre.serverstatus.ServerStatusRoutes} (HTTP only) → {@link dev.timbre.serverstatus.ServerStatusService},
 *       which reads what the server already knows: {@code engines.EngineCatalog} (loaded TTS and STT engines, their
 *       voices, load times and load failures), the voice activity detector, the embedding engine (never loaded by
 *       this endpoint), the configured LLM providers ({@code config.LlmSettings}) and the {@code /health} figures.</li>
 *   <li>{@link dev.timbre.serverstatus.ProviderProbe}: whether each configured LLM server is reachable, by a TCP
 *       connect to its host and port (≤ 2 s, all in parallel, nothing sent; results kept 30 s so that the endpoint
 *       cannot be used to hammer them). The built-in rule model is always there.</li>
 *   <li>No secrets: no API keys or header values, URLs without user info, query or fragment, and error texts with
 *       URLs cut the same way ({@link dev.timbre.common.Redaction}).</li>
 * </ul>
 */
package dev.timbre.serverstatus;
