/**
 * The agents platform ({@code /v1/convai/…}): the server side of ElevenLabs' Conversational AI. This package holds no
 * classes; each subpackage is one feature. The agent runtime itself (sessions, voice, tools) is {@code timbre-agent}
 * and knows nothing of HTTP.
 *
 * <ul>
 *   <li>{@code agents}: agent configurations (stored verbatim, read over defaults) and simulated conversations.</li>
 *   <li>{@code conversation}: {@code /v1/convai/conversation}, the live WebSocket that runs an agent session (text or
 *       voice) for a client.</li>
 *   <li>{@code conversations}: the stored conversations (transcript, analysis, recording) and their API.</li>
 *   <li>{@code postcall}: analysis and post-call webhooks after a call, durable across restarts.</li>
 *   <li>{@code recording}: the mixed mono 16 kHz call recording and the policy that allows it.</li>
 *   <li>{@code llm}: which language model serves an agent.</li>
 *   <li>{@code tools}, {@code secrets}, {@code settings}: workspace resources; {@code tools} also runs webhook
 *       tools over HTTP.</li>
 * </ul>
 *
 * <p>Data flows one way: the live conversation writes through {@code conversations.ConversationLog}, which hands
 * ended calls to {@code postcall} through {@code conversations.PostCall}.
 */
package dev.timbre.convai;
