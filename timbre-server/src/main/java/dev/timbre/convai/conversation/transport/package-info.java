/**
 * The conversation WebSocket: {@code ConversationSocket} (one per connection: initiation, ping, the session or voice
 * conversation it drives), {@code ClientMessage} (client events in), {@code ServerEvents}/{@code VoiceEvents} (server
 * events out), {@code SocketEvents} (the session's listener: frames → events, the transcript and recording to the
 * log), {@code UserAudioChunks}, {@code AudioPace} (user audio beyond a 10 s lead over 1.2× real time is dropped), and the per-turn metrics ({@code TurnOverhead}, {@code VoiceLatency}).
 *
 * <p>Threading: socket callbacks arrive on Javalin's threads and are synchronized per socket; session frames arrive
 * on the session's loop thread and are written through the bounded {@code SocketSender} (past
 * {@code maxQueuedBytes} the socket closes with 1008). The socket owns and ends its conversation; the runtime's
 * shared pieces ({@code ConversationRuntime}) belong to the routes.
 */
package dev.timbre.convai.conversation.transport;
