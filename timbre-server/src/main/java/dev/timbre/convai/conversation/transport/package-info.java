/**
 * The conversation WebSocket: {@code ConversationSocket} (one per connection: initiation, ping, the session or voice
 * conversation it drives), {@code ClientMessage} (client events in), {@code ServerEvents}/{@code VoiceEvents} (server
 * events out), {@code SocketEvents} (the session's listener: frames → events, the transcript and recording to the
 * log), {@code UserAudioChunks}, {@code AudioPace} (user audio beyond a 10 s lead over 1.2× real time is dropped), and the
 * per-turn metrics ({@code TurnOverhead}, {@code VoiceLatency}) and trace ({@code VoiceTurnTrace}: one span per voice
 * turn, under which {@code ConversationRecorder.tracedTasks} runs the session loop's tasks).
 * {@code ConversationSignatures} signs and checks signed-URL signatures and tokens; a grant naming a conversation id
 * is single-use, spent in {@code UsedGrants} ({@code UsedGrantRepository}: table {@code used_conversation_grants},
 * V13, kept until the grant expires, so a restart does not let it be replayed).
 *
 * <p>Threading: socket callbacks arrive on Javalin's threads and are synchronized per socket; session frames arrive
 * on the session's loop thread and are written through the bounded {@code SocketSender} (past
 * {@code maxQueuedBytes} the socket closes with 1008). The socket owns and ends its conversation; the runtime's
 * shared pieces ({@code ConversationRuntime}) belong to the routes.
 */
package dev.timbre.convai.conversation.transport;
