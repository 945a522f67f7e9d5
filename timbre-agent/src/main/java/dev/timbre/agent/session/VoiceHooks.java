package dev.timbre.agent.session;

import dev.timbre.agent.transcript.TranscriptEntry;
import dev.timbre.engine.ChatMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a voice conversation asks of the text session it wraps, beyond its inputs: fillers, re-engagement after a
 * silence, speculative turns on a partial transcript, per-turn latency metrics. Holds the session's side of a
 * speculative turn ({@link Speculation}: where to roll the transcript and history back to), and a barge-in: an input
 * ({@link Frame.PlaybackCut}) the session passes to {@link #playbackCut}.
 *
 * <p>Threading: loop thread only — the voice conversation runs on the session's loop and calls these from it.
 */
public final class VoiceHooks {
    private final ConversationSession session;
    private Speculation speculation;

    VoiceHooks(ConversationSession session) { this.session = session; }

    /** Says {@code text} outside an LLM stream (a soft-timeout filler); returns its event id, 0 when not running. */
    public int speakFiller(String text) {
        if (!session.running() || text == null || text.isBlank()) return 0;
        int id = session.say(text);
        session.transcriptUpdated();
        return id;
    }

    /** The user stayed silent {@code silence} after the agent spoke: the LLM replies to a note saying so (not kept). */
    public void reengage(Duration silence) {
        if (!session.running() || session.replying()) return;
        List<ChatMessage> withNote = new ArrayList<>(session.history().messages());
        withNote.add(ChatMessage.system("The user has been silent for " + silence.toSeconds()
                + " seconds. Briefly check whether they are still there or need anything else."));
        session.startTurn(withNote);
    }

    /** Starts a speculative voice turn on a partial transcript (the caller holds its outputs); false while a turn runs. */
    public boolean speculate(String text) {
        if (!session.running() || session.replying() || speculation != null || text == null || text.isBlank()) return false;
        speculation = new Speculation(session.transcript().size(), session.history().size());
        session.userText(text, "audio");
        return true;
    }

    /** The final transcript matched: the speculative turn becomes a real one (deferred tools run now). */
    public void confirmSpeculation() {
        Speculation s = speculation;
        speculation = null;
        if (s != null) s.confirm();
    }

    /** The user went on: the speculative turn is stopped and leaves no trace in the transcript or the history. */
    public void retractSpeculation() {
        Speculation s = speculation;
        speculation = null;
        if (s == null) return;
        session.cancelTurn();
        session.transcript().truncate(s.transcriptSize);
        session.history().truncate(s.historySize);
    }

    /**
     * The session's end as the voice side finally reports it: {@code end} with the transcript as it is now, which has
     * the metrics of turns measured after the session ended (a reply whose first audio was still on its way).
     */
    public SessionEnd withFinalTranscript(SessionEnd end) {
        return new SessionEnd(end.terminationReason(), end.closeCode(), end.errorType(), end.errorMessage(),
                session.transcript().snapshot());
    }

    /** Puts a voice turn's metrics (name → seconds) on the agent entry of {@code eventId}, now or when it is added. */
    public void attachTurnMetrics(int eventId, Map<String, Double> metrics) {
        if (session.transcript().turnMetrics(eventId, metrics) && !session.ended()) session.transcriptUpdated();
    }

    /** A reply's tool run: held while the turn is speculative (tools have side effects), else run now. */
    void runTools(Runnable run) {
        if (speculation != null) speculation.deferTools(run);
        else run.run();
    }

    /**
     * Voice barge-in: the user heard response {@code eventId} only up to {@code heardText}. Stops the turn, cuts the
     * response's transcript entry and history message to what was heard and tells the client the correction.
     */
    void playbackCut(Frame.PlaybackCut cut) {
        session.interruptTurn();
        Transcript transcript = session.transcript();
        int index = transcript.indexOf(cut.eventId());
        if (index >= 0) {
            TranscriptEntry e = transcript.get(index);
            String original = e.originalMessage() != null ? e.originalMessage() : e.message();
            String heard = cut.heardText() == null ? "" : cut.heardText().strip();
            if (original != null && !heard.equals(original.strip())) {
                transcript.interrupt(index, heard, original);
                session.history().replaceAssistant(original, heard.isEmpty() ? "..." : heard);
                session.emit(new Frame.ResponseCorrection(cut.eventId(), original, heard));
            }
        }
        session.transcriptUpdated();
    }
}
