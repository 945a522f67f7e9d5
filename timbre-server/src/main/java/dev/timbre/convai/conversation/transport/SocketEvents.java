package dev.timbre.convai.conversation.transport;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timbre.agent.session.Frame;
import dev.timbre.agent.session.SessionEnd;
import dev.timbre.convai.conversations.ConversationLog;
import dev.timbre.convai.recording.CallRecording;
import dev.timbre.sockets.SocketSender;
import java.io.IOException;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A session's events onto the socket and, through a {@link ConversationRecorder}, into the {@link ConversationLog}.
 * Events the agent's {@code conversation.client_events} leaves out are not sent (errors always are).
 */
final class SocketEvents extends RecordingListener {
    private final SocketSender out;
    private final Set<String> clientEvents;
    private final boolean textOnly;
    private final Runnable onEnd;
    private final TurnOverhead.Turns turns;
    private volatile boolean ended;

    SocketEvents(ConversationRuntime runtime, SocketSender out, String conversationId, JsonNode clientEvents, boolean textOnly, Runnable onEnd) {
        super(new ConversationRecorder(runtime, conversationId));
        this.out = out;
        this.textOnly = textOnly;
        this.onEnd = onEnd;
        this.turns = runtime.turnOverhead().conversation();
        Set<String> events = new HashSet<>();
        if (clientEvents.isArray()) clientEvents.forEach(e -> events.add(e.asText()));
        this.clientEvents = events;
    }

    boolean textOnly() { return textOnly; }

    /** Records the call into {@code recording} (set before the session starts; see {@code RecordingPolicy}). */
    void record(CallRecording recording) { recorder.record(recording); }

    /** The session has ended (its last event went out or the socket is closing). */
    boolean hasEnded() { return ended; }

    @Override
    public void send(Frame.Output frame) {
        String type = ServerEvents.type(frame);
        if (!clientEvents.isEmpty() && !type.equals("error") && !clientEvents.contains(type)) return;
        try {
            out.send(ServerEvents.of(frame));
            if (frame instanceof Frame.ResponsePart p && p.type() == Frame.ResponsePart.PartType.START) turns.firstPartSent(System.nanoTime());
        } catch (IOException gone) {
            // the client left; the close callback ends the session
        }
    }

    /** A user message arrived on the socket at {@code nanos} ({@link System#nanoTime}). */
    void userMessage(long nanos) {
        turns.userMessage(nanos);
    }

    @Override
    public void llmFirstOutput(long requestedNanos, long firstOutputNanos) {
        turns.llmFirstOutput(requestedNanos, firstOutputNanos);
    }

    @Override
    public void ended(SessionEnd end) {
        ended = true;
        onEnd.run();
        recorder.ended(end);
        out.close(end.closeCode(), end.isError() ? end.errorMessage() : end.terminationReason());
    }

    void feedback(String score, int eventId) { recorder.feedback(score, eventId); }

    void log(Consumer<ConversationLog> call) { recorder.log(call); }
}
