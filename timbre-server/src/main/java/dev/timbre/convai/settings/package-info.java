/**
 * {@code /v1/convai/settings} and {@code /v1/convai/settings/dashboard}: the agents platform's workspace settings
 * ({@code GetConvAISettingsResponseModel}) and dashboard settings, GET and PATCH.
 *
 * <ul>
 *   <li>{@link dev.timbre.convai.settings.SettingsRoutes}: the two GET/PATCH pairs.</li>
 *   <li>{@link dev.timbre.convai.settings.SettingsService}: each kind is one JSON document laid over its defaults; a
 *       PATCH replaces the top-level fields it names (no deep merge).</li>
 *   <li>{@link dev.timbre.convai.settings.SettingsChecks}: 422 lists for malformed patches, e.g.
 *       {@code conversation_initiation_client_data_webhook} (url and {@code request_headers} required),
 *       {@code webhooks} ({@code post_call_webhook_id}, {@code send_audio} boolean, {@code events} among
 *       {@code transcript}, {@code audio}, {@code call_initiation_failure}), dashboard {@code charts}, and Timbre's
 *       {@code workspace_auth_connections} (checked by {@code convai.tools.auth.AuthConnectionChecks}).</li>
 *   <li>{@link dev.timbre.convai.settings.SettingsRepository}: table {@code convai_settings}, one JSON text per
 *       kind.</li>
 * </ul>
 *
 * <p>Readers: post-call webhooks take their targets from {@code webhooks} here; secrets look for locators in the
 * initiation webhook; conversations call the initiation webhook ({@code conversation.agent.InitiationWebhook}) and
 * webhook tools use the auth connections ({@code convai.tools.auth.AuthConnections}).
 */
package dev.timbre.convai.settings;
