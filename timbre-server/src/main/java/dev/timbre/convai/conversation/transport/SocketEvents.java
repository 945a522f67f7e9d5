package dev.timbre.convai.conversation.transport;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timbre.agent.session.Frame;
import dev.timbre.agent.session.SessionEnd;
import dev.timbre.agent.transcript.TranscriptEntry;
import dev.timbre.agent.voice.TurnLatency;
import dev.timbre.agent.voice.VoiceListener;
import dev.timbre.convai.conversations.ConversationEnd;
import dev.timbre.convai.conversations.ConversationLog;
import dev.timbre.convai.recording.CallRecording;
import dev.timbre.sockets.SocketSender;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A session's events onto the socket and into the {@link ConversationLog}. Events the agent's
 * {@code conversation.client_events} leaves out are not sent (errors always are). Log calls are serialised on this
 * object (the session loop and the socket thread both record) and a failing log never breaks the call.
 */
final class SocketEvents implements VoiceListener {
    private static final Logger LOG = LoggerFactory.getLogger(SocketEvents.class);

    private final ConversationRuntime runtime;
    private final SocketSender out;
    private final String conversationId;
    private final Set<String> clientEvents;
    private final boolean textOnly;
    private final Runnable onEnd;
    private final TurnOverhead.Turns turns;
    private volatile CallRecording recording;
    private volatile boolean ended;

    SocketEvents(ConversationRuntime runtime, SocketSender out, String conversationId, JsonNode clientEvents, boolean textOnly, Runnable onEnd) {
        this.runtime = runtime;
        this.out = out;
        this.conversationId = conversationId;
        this.textOnly = textOnly;
        this.onEnd = onEnd;
        this.turns = runtime.turnOverhead().conversation();
        Set<String> events = new HashSet<>();
        if (clientEvents.isArray()) clientEvents.forEach(e -> events.add(e.asText()));
        this.clientEvents = events;
    }

    boolean textOnly() { return textOnly; }

    /** Records the call into {@code recording} (set before the session starts; see {@code RecordingPolicy}). */
    void record(CallRecording recording) { this.recording = recording; }

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
    public void recordedUserAudio(short[] pcm16k, long atMillis) {
        if (recording != null) recording.userAudio(pcm16k, atMillis);
    }

    @Override
    public void recordedAgentAudio(short[] pcm16k, long atMillis) {
        if (recording != null) recording.agentAudio(pcm16k, atMillis);
    }

    @Override
    public void turnMeasured(TurnLatency latency) {
        runtime.turnOverhead().voiceLatency().observe(latency);
    }

    @Override
    public void transcriptUpdated(List<TranscriptEntry> transcript) {
        log(l -> l.updated(conversationId, transcript));
    }

    @Override
    public void ended(SessionEnd end) {
        ended = true;
        onEnd.run();
        if (recording != null) log(l -> l.audioRecorded(conversationId, recording.finish()));
        log(l -> l.ended(conversationId, new ConversationEnd(runtime.clock().instant(), end.transcript(), end.terminationReason(),
                end.isError() || end.closeCode() != 1000 ? end.closeCode() : null, end.errorMessage())));
        out.close(end.closeCode(), end.isError() ? end.errorMessage() : end.terminationReason());
    }

    void feedback(String score, int eventId) {
        log(l -> l.feedback(conversationId, score, eventId));
    }

    synchronized void log(Consumer<ConversationLog> call) {
        try {
            call.accept(runtime.log());
        } catch (RuntimeException e) {
            LOG.warn("could not record conversation {}: {}", conversationId, e.toString());
        }
    }
}
