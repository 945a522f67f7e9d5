package dev.timbre.agent.voice;

import dev.timbre.agent.session.SessionLoop;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * The latency of the user's turns: one {@link TurnMeter} for the turn in progress, from its end of speech to its
 * reply's first audio, reported to the owner once — when that audio is sent, when the next turn replaces it, or when
 * the call ends. Loop thread only.
 */
final class TurnMeters {
    private final SessionLoop loop;
    private final Consumer<TurnMeter> reports;
    private TurnMeter current;

    TurnMeters(SessionLoop loop, Consumer<TurnMeter> reports) {
        this.loop = loop;
        this.reports = reports;
    }

    /** The user's spoken turn ended (its last voiced chunk arrived at {@code lastVoicedAt}): a new meter starts. */
    TurnMeter userTurnEnded(Instant lastVoicedAt) {
        report(current);
        TurnMeter m = new TurnMeter(lastVoicedAt);
        m.vadEnd(loop.now());
        current = m;
        return m;
    }

    /** The turn {@code m} had nothing to say (a blank transcript): it is not measured. */
    void abandon(TurnMeter m) { if (current == m) current = null; }

    /** A typed message replaces a spoken turn still waiting: that one is reported as far as it got. */
    void replaced() {
        report(current);
        current = null;
    }

    /** A reply started: the first one after the transcript went to the session is the turn's reply. */
    void replyStarted(AgentReply reply) {
        if (current != null && current.awaitingReply && current.reply == null) current.reply = reply;
    }

    void llmFirstOutput() {
        if (current != null && current.awaitingReply) current.llmFirstOutput(loop.now());
    }

    void synthesized(AgentReply reply) {
        if (current != null && current.reply == reply) current.ttsFirstAudio(loop.now());
    }

    void sent(AgentReply reply) {
        if (current != null && current.reply == reply) {
            current.firstAudioSent(loop.now());
            report(current);
        }
    }

    /** Turn {@code m} is still the current one and the LLM has not answered it yet. */
    boolean waitingForLlm(TurnMeter m) { return current == m && !m.hasLlmOutput(); }

    /** The call is over: the turn in progress is reported as far as it got. */
    void finish() { report(current); }

    private void report(TurnMeter m) {
        if (m == null || m.reported) return;
        m.reported = true;
        reports.accept(m);
    }
}
