/**
 * The embeddable agent widget's server side (issue 16): {@code GET /v1/convai/agents/{agent_id}/widget}
 * ({@code GetAgentEmbedResponseModel}, {@link dev.timbre.convai.widget.WidgetConfig}: every field of the schema from
 * {@code platform_settings.widget}, defaults and wrong types replaced by the schema's defaults), {@code POST
 * /v1/convai/agents/{agent_id}/avatar} (PNG/JPEG/GIF/WebP by magic bytes, ≤ 2 MiB, stored in the blob store under
 * {@code convai/widget-avatars/}, served publicly and immutably at {@code /convai-widget/avatars/{agent_id}/{hash}.{ext}}
 * with {@code nosniff}), and the shareable page {@code GET /talk-to?agent_id=…}
 * ({@link dev.timbre.convai.widget.TalkToPage}).
 *
 * <p>Who may read the configuration: any valid API key; without one (a web page embedding the widget, as ElevenLabs'
 * widget calls it) the agent must not require authentication ({@code platform_settings.auth.enable_auth}, else 401
 * unless a valid {@code conversation_signature} comes) and the page's {@code Origin} must pass the agent's allowlist
 * (403 {@code origin_not_allowed}); the same rules the conversation socket applies. The key check skips exactly the
 * routes in {@code http.ApiKeyAuth.KEY_OPTIONAL} when no key comes. The element itself is {@code web/src/widget/}
 * (built into {@code /convai-widget-embed.js}).
 */
package dev.timbre.convai.widget;
