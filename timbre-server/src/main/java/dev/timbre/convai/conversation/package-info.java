/**
 * The conversation socket's composition: {@code ConversationRoutes} mounts {@code /v1/convai/conversation} (signed
 * URLs, tokens, the WebSocket) and wires the sub-packages — {@code transport} (the socket and its events),
 * {@code agent} (what a conversation is built from: profiles, tools, initiation), {@code admission} (who may open a
 * conversation now: call limits, the server's cap, the per-address rate) and {@code speech} (the adapter from
 * the server's speech services to the agent runtime's voice SPI). Sub-packages never depend on this one.
 * {@code BackgroundConversationLog} writes conversation records off the socket threads (one serial queue per
 * conversation, bounded).
 */
package dev.timbre.convai.conversation;
