package dev.timbre.agent.voice;

import dev.timbre.agent.session.ConversationSession;
import dev.timbre.agent.session.Frame;
import dev.timbre.agent.session.SessionListener;
import dev.timbre.agent.session.SessionLoop;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * The user's turns in a call: what {@link Listening} reports becomes speech starts (a barge-in when the agent is
 * talking and may be interrupted), transcripts to the client, and final transcripts to the session as
 * {@link Frame.UserText} (medium {@code audio}); typed messages barge in the same way. Also the speculative turn's
 * held outputs ({@link HeldReply}), soft-timeout fillers, and each turn's latency ({@link TurnMeter}).
 *
 * <p>Threading: loop thread only.
 */
final class UserTurns implements Listening.Events {
    private final VoiceSettings voice;
    private final SessionLoop loop;
    private final SessionListener outer;
    private final ConversationSession session;
    private final AgentVoice agent;
    private final VoiceTimers timers;
    /** A speculative turn's session outputs, held until the final transcript. */
    private final HeldReply held = new HeldReply();
    private TurnMeter meter;
    private boolean fillerPending;
    /** True while audio that arrived before the start is replayed: it predates the agent's speech, so never barges in. */
    private boolean replayingEarly;
    private boolean stopped;

    UserTurns(VoiceSettings voice, SessionLoop loop, SessionListener outer, ConversationSession session, AgentVoice agent,
              VoiceTimers timers) {
        this.voice = voice;
        this.loop = loop;
        this.outer = outer;
        this.session = session;
        this.agent = agent;
        this.timers = timers;
    }

    void replayingEarly(boolean on) { replayingEarly = on; }

    /**
     * A typed {@code user_message}: it barges in like speech (audio stopped, {@link Frame.Interruption}, cuts to what
     * was heard) when interruptions are on, then goes to the session, which posts after the cuts. A speculative reply
     * is retracted first, so it cannot swallow the typed message.
     */
    void typed(Frame.UserText t) {
        if (!stopped && t.text() != null && !t.text().isBlank()) {
            retractSpeculation();
            report(meter); // a spoken turn still waiting: the typed one replaces it, its reply is not the spoken turn's
            meter = null;
            timers.userSpeaking();
            long now = nowMs();
            if (agent.talking(now) && agent.interruptible(now)) bargeIn();
        }
        session.receive(t);
    }

    /** The user cut in: the agent stops, the session learns what was heard. */
    void bargeIn() {
        for (Frame.PlaybackCut c : agent.bargeIn(nowMs())) session.receive(c);
    }

    /** Keeps a session callback while a speculative turn is undecided; false: run it now. */
    boolean hold(Runnable callback) { return held.hold(callback); }

    /** Response {@code eventId} started ({@code whole}: said without parts, e.g. a filler, which is not the reply). */
    void replyStarted(int eventId, boolean whole) {
        if (whole && fillerPending) return;
        if (meter != null && meter.awaitingReply && meter.eventId == 0) meter.eventId = eventId;
    }

    void llmFirstOutput() {
        if (meter != null && meter.awaitingReply) meter.llmFirstOutput(loop.now());
    }

    void synthesized(int eventId) {
        if (meter != null && meter.eventId == eventId) meter.ttsFirstAudio(loop.now());
    }

    void sent(int eventId) {
        if (meter != null && meter.eventId == eventId) {
            meter.firstAudioSent(loop.now());
            report(meter);
        }
    }

    /** The session ended: no more turns; a speculative turn that ended it (an LLM error) says what it said. */
    void stop() {
        if (held.active()) release();
        stopped = true;
    }

    /** The call is over: the turn in progress is reported as far as it got. */
    void finish() {
        stopped = true;
        report(meter);
    }

    @Override public boolean speechStarted() {
        timers.userSpeaking();
        session.receive(new Frame.UserActivity());
        long now = nowMs();
        if (replayingEarly || !agent.talking(now)) return true;
        if (!agent.interruptible(now)) return false;
        bargeIn();
        return true;
    }

    @Override public void vadScore(double probability) { outer.send(new Frame.VadScore(probability)); }

    @Override public void tentative(String text) { outer.send(new Frame.TentativeUserTranscript(text)); }

    @Override public void speculate(String partial) {
        if (!voice.speculativeTurn() || held.active() || agent.talking(nowMs())) return;
        held.start(partial);
        agent.holdSpeech();
        if (!session.voice().speculate(partial)) {
            held.drop();
            agent.dropSpeech();
        }
    }

    @Override public void resumed() { retractSpeculation(); }

    @Override public Consumer<String> endOfTurn(Instant lastVoicedAt) {
        report(meter);
        TurnMeter m = new TurnMeter(lastVoicedAt);
        m.vadEnd(loop.now());
        meter = m;
        return text -> finalTranscript(m, text);
    }

    private void finalTranscript(TurnMeter m, String text) {
        if (stopped) return;
        m.transcriptFinal(loop.now());
        boolean confirmed = held.matches(text) && !agent.heldSpeechSpoiled();
        if (!confirmed) {
            retractSpeculation();
            if (text.isBlank()) {
                if (meter == m) meter = null;
                if (!agent.busy()) timers.agentIdle(agent.aheadMs(nowMs()));
                return;
            }
        }
        outer.send(new Frame.UserTranscript(text));
        m.awaitingReply = true;
        if (confirmed) {
            release();
            session.voice().confirmSpeculation();
        } else {
            session.receive(new Frame.UserText(text, "audio"));
        }
        timers.userTurnEnded(() -> meter == m && !m.hasLlmOutput(), this::sayFiller);
    }

    /**
     * The speculative reply goes out: the held client frames in their order, then the audio synthesised meanwhile, sent
     * now (so it plays, is heard and recorded from now; its first audio counts as synthesised and sent now).
     */
    private void release() {
        agent.releaseSpeech();
        held.release().forEach(Runnable::run);
        agent.sendHeldSpeech();
    }

    /** The user went on (or said something else): the early reply is dropped (its speech too) and leaves no trace. */
    private void retractSpeculation() {
        if (!held.active()) return;
        held.drop();
        agent.dropSpeech();
        session.voice().retractSpeculation();
    }

    private void sayFiller(String text) {
        fillerPending = true;
        try {
            session.voice().speakFiller(text);
        } finally {
            fillerPending = false;
        }
    }

    private void report(TurnMeter m) {
        if (m == null || m.reported) return;
        m.reported = true;
        outer.turnMeasured(m.latency());
        if (m.eventId > 0) session.voice().attachTurnMetrics(m.eventId, m.metrics());
    }

    private long nowMs() { return loop.now().toEpochMilli(); }
}
