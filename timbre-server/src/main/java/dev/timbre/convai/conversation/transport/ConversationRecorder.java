package dev.timbre.convai.conversation.transport;

import dev.timbre.agent.session.SessionEnd;
import dev.timbre.agent.transcript.TranscriptEntry;
import dev.timbre.agent.voice.TurnLatency;
import dev.timbre.convai.conversations.ConversationEnd;
import dev.timbre.convai.conversations.ConversationLog;
import dev.timbre.convai.recording.CallRecording;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every transport records of a running conversation, whatever carries it (the socket, a phone line): the
 * {@link ConversationLog} (start, transcript, end, feedback), the call recording, voice turn latencies and their trace
 * spans ({@link VoiceTurnTrace}: the session loop's tasks run under the current turn, {@link #tracedTasks}). Log calls are
 * serialised on this object (the session loop and the transport's thread both record) and a failing log never breaks
 * the call.
 */
public final class ConversationRecorder {
    private static final Logger LOG = LoggerFactory.getLogger(ConversationRecorder.class);

    private final ConversationRuntime runtime;
    private final String conversationId;
    private final VoiceTurnTrace turns;
    private volatile CallRecording recording;

    public ConversationRecorder(ConversationRuntime runtime, String conversationId) {
        this.runtime = runtime;
        this.conversationId = conversationId;
        this.turns = new VoiceTurnTrace(conversationId);
    }

    /** What the session loop wraps each task in: the current voice turn's trace (see {@link VoiceTurnTrace}). */
    public UnaryOperator<Runnable> tracedTasks() { return turns::around; }

    public void turnStarted(long vadEndMs) { turns.started(vadEndMs); }

    /** Records the call into {@code recording} (set before the session starts; see {@code RecordingPolicy}). */
    public void record(CallRecording recording) { this.recording = recording; }

    /**
     * User audio at {@code atMillis} of the call; the user's stream also paces the live parts of the recording
     * ({@code ConversationLog.recordingSoFar}: returns at once, outside this object's lock).
     */
    public void userAudio(short[] pcm16k, long atMillis) {
        CallRecording r = recording;
        if (r == null) return;
        r.userAudio(pcm16k, atMillis);
        try {
            runtime.log().recordingSoFar(conversationId, r, atMillis);
        } catch (RuntimeException e) {
            LOG.warn("could not store the live recording of conversation {}: {}", conversationId, e.toString());
        }
    }

    public void agentAudio(short[] pcm16k, long atMillis) {
        if (recording != null) recording.agentAudio(pcm16k, atMillis);
    }

    public void turnMeasured(TurnLatency latency) {
        runtime.turnOverhead().voiceLatency().observe(latency);
        turns.measured(latency);
    }

    public void transcript(List<TranscriptEntry> transcript) {
        log(l -> l.updated(conversationId, transcript));
    }

    /** The end: the recording (if any), then the end record. */
    public void ended(SessionEnd end) {
        turns.close();
        if (recording != null) log(l -> l.audioRecorded(conversationId, recording.finish()));
        log(l -> l.ended(conversationId, new ConversationEnd(runtime.clock().instant(), end.transcript(), end.terminationReason(),
                end.isError() || end.closeCode() != 1000 ? end.closeCode() : null, end.errorMessage())));
    }

    public void feedback(String score, int eventId) {
        log(l -> l.feedback(conversationId, score, eventId));
    }

    public synchronized void log(Consumer<ConversationLog> call) {
        try {
            call.accept(runtime.log());
        } catch (RuntimeException e) {
            LOG.warn("could not record conversation {}: {}", conversationId, e.toString());
        }
    }
}
