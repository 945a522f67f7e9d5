package dev.timbre.agent.voice;

import dev.timbre.agent.session.SessionLoop;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The voice turn timers. Turn timeout ({@code turn.turn_timeout}): armed when the agent has finished speaking (at the
 * end of playback), reset by user activity, cancelled by user speech or new agent audio; when it fires the session
 * re-engages the user. Soft timeout ({@code turn.soft_timeout_config}): armed when a user turn goes to the LLM; if the
 * LLM has given nothing when it fires, a filler message is spoken (the messages in turn, once per user turn). Both
 * report to the owner. Loop thread only.
 */
final class VoiceTimers {
    /** What the timers report to their owner (loop thread). */
    interface Events {
        /** The user stayed silent {@code timeout} after the agent finished speaking. */
        void userSilent(Duration timeout);
    }

    private final SessionLoop loop;
    private final VoiceSettings voice;
    private final Events events;
    private SessionLoop.Timer turnTimer;
    private SessionLoop.Timer softTimer;
    private int fillers;

    VoiceTimers(SessionLoop loop, VoiceSettings voice, Events events) {
        this.loop = loop;
        this.voice = voice;
        this.events = events;
    }

    /** The agent's audio will have been played in {@code aheadMs}: the user's silence counts from then. */
    void agentIdle(long aheadMs) {
        cancelTurn();
        Duration timeout = voice.turnTimeout();
        if (timeout == null) return;
        turnTimer = loop.schedule(Duration.ofMillis(aheadMs).plus(timeout), () -> {
            turnTimer = null;
            events.userSilent(timeout);
        });
    }

    void agentSpeaking() { cancelTurn(); }

    void userSpeaking() {
        cancelTurn();
        if (softTimer != null) softTimer.cancel();
        softTimer = null;
    }

    /**
     * The client says the user is there ({@code user_activity}): an armed turn timeout starts over, still counted from
     * the end of the agent's audio, which will have played in {@code aheadMs}.
     */
    void userActive(boolean agentBusy, long aheadMs) {
        if (turnTimer != null && !agentBusy) agentIdle(aheadMs);
    }

    /** A user turn went to the LLM: {@code say} a filler if {@code stillWaiting} after the soft timeout. */
    void userTurnEnded(BooleanSupplier stillWaiting, Consumer<String> say) {
        if (softTimer != null) softTimer.cancel();
        softTimer = null;
        Duration soft = voice.softTimeout();
        if (soft == null || voice.softTimeoutMessages().isEmpty()) return;
        softTimer = loop.schedule(soft, () -> {
            softTimer = null;
            if (!stillWaiting.getAsBoolean()) return;
            var messages = voice.softTimeoutMessages();
            say.accept(messages.get(fillers++ % messages.size()));
        });
    }

    void cancelAll() {
        cancelTurn();
        if (softTimer != null) softTimer.cancel();
        softTimer = null;
    }

    private void cancelTurn() {
        if (turnTimer != null) turnTimer.cancel();
        turnTimer = null;
    }
}
