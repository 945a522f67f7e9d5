package dev.timbre.agent.voice;

import dev.timbre.agent.session.Frame;
import dev.timbre.agent.session.SessionListener;
import dev.timbre.agent.session.SessionLoop;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The agent's side of a call: response text → {@link Speaking} (sentences, synthesis) → {@link Frame.AgentAudio} to
 * the client, with {@link Playback} keeping what the client has played (the recording, what was heard). A barge-in
 * stops everything at once and tells what each response was heard up to. Times are loop milliseconds (epoch).
 *
 * <p>Threading: loop thread only; engine callbacks reach it through the loop ({@link Speaking}).
 */
final class AgentVoice {
    /** What the conversation hears from the agent's voice (loop thread). */
    interface Events {
        /** The engine's first audio of response {@code eventId}. */
        void synthesized(int eventId);

        /** Audio of response {@code eventId} went to the client. */
        void sent(int eventId);

        /** Nothing is being or waiting to be spoken; what was sent will have been played in {@code aheadMs}. */
        void idle(long aheadMs);
    }

    /** Where responses go to be spoken: {@link Speaking#begin}, {@link Speaking#delta}, {@link Speaking#whole}… */
    final Speaking speaking;
    private final Playback playback;
    private final VoiceSettings voice;
    private final SessionLoop loop;
    private final SessionListener outer;
    private final Events events;
    private int firstMessageEventId;
    /** A speculative reply's audio: held back while {@link #holding}, then waiting to be sent at the release. */
    private HeldSpeech held;
    private boolean holding;

    AgentVoice(AgentSpeech speech, VoiceSettings voice, SessionLoop loop, SessionListener outer, Playback.Recorder recorder,
               Events events) {
        this.voice = voice;
        this.loop = loop;
        this.outer = outer;
        this.events = events;
        this.playback = new Playback(recorder);
        this.speaking = new Speaking(speech, voice.output(), loop, new SpeechSide());
    }

    /** The response that is the first message (uninterruptible unless the settings allow it). */
    void firstMessage(int eventId) {
        if (firstMessageEventId == 0) firstMessageEventId = eventId;
    }

    /** Something is audible, being synthesised, or still streaming (a held-back speculative reply is not). */
    boolean talking(long nowMs) { return playback.audible(nowMs) || busy(); }

    boolean audible(long nowMs) { return playback.audible(nowMs); }

    /** Something is being synthesised or still streaming, outside a held-back speculative reply. */
    boolean busy() { return !holding && speaking.busy(); }

    /**
     * A speculative turn starts (the agent is silent, nothing is pending): everything spoken from now on is synthesised
     * at once but held back — nothing is sent, played or recorded — until {@link #releaseSpeech} or {@link #dropSpeech}.
     */
    void holdSpeech() {
        held = new HeldSpeech();
        holding = true;
    }

    /** The held audio overflowed {@link HeldSpeech#MAX_MS}: the speculation cannot be confirmed. */
    boolean heldSpeechSpoiled() { return holding && held.spoiled(); }

    /**
     * The speculative turn is confirmed: from now on the reply is spoken live (it counts as talking, a barge-in cuts
     * it). The audio held so far waits for {@link #sendHeldSpeech}, which the caller runs once the held client frames
     * are out, so the reply's text frames precede its audio.
     */
    void releaseSpeech() { holding = false; }

    /** Sends the released audio now: playback, heard text and recording count from this instant. */
    void sendHeldSpeech() {
        HeldSpeech h = held;
        held = null;
        holding = false;
        if (h == null) return;
        for (int id : h.synthesizedEvents()) events.synthesized(id);
        for (HeldSpeech.Held p : h.pieces()) send(p.eventId(), p.piece(), p.offset());
        speaking.resume();
        if (h.idle && !speaking.busy()) events.idle(playback.aheadMs(nowMs()));
    }

    /** The speculative turn is dropped: its synthesis is cancelled and its audio discarded, unsent and unrecorded. */
    void dropSpeech() {
        if (held == null) return;
        held = null;
        holding = false;
        speaking.cutAll(); // only the speculative reply was pending (holding starts with the agent silent)
    }

    long aheadMs(long nowMs) { return playback.aheadMs(nowMs); }

    /** Records what has been played by {@code nowMs}. */
    void played(long nowMs) { playback.release(nowMs); }

    /** Whether the user may cut the agent off now: interruptions on, and not during an uninterruptible first message. */
    boolean interruptible(long nowMs) {
        if (!voice.interruptions()) return false;
        return voice.firstMessageInterruptible() || firstMessageEventId == 0
                || !(playback.audibleEvents(nowMs).contains(firstMessageEventId) || pending().contains(firstMessageEventId));
    }

    /**
     * The user cut in: everything audible or pending stops, the client gets an {@link Frame.Interruption} with the
     * latest id stopped (replies from now on have larger ids: the client drops audio at or below it). Returns what each
     * stopped response was heard up to, for the session. Released speech not yet sent is discarded; speech still held
     * back is not affected (a held reply is not talking).
     */
    List<Frame.PlaybackCut> bargeIn(long nowMs) {
        if (holding) return List.of();
        TreeSet<Integer> affected = playback.audibleEvents(nowMs);
        affected.addAll(speaking.pendingEvents());
        if (held != null) for (HeldSpeech.Held p : held.pieces()) affected.add(p.eventId());
        held = null;
        List<Frame.PlaybackCut> cuts = new ArrayList<>();
        for (int id : affected) {
            String heard = speaking.heard(id, playback.heardOffset(id, nowMs));
            if (heard != null) cuts.add(new Frame.PlaybackCut(id, heard));
        }
        speaking.cutAll();
        playback.cut(nowMs);
        if (!affected.isEmpty()) outer.send(new Frame.Interruption(affected.last()));
        return cuts;
    }

    /** The call is over: nothing more is spoken; a client that left has only what it heard recorded. */
    void close(boolean clientGone, long nowMs) {
        speaking.close();
        if (clientGone) playback.cut(nowMs);
        else playback.releaseAll();
    }

    private long nowMs() { return loop.now().toEpochMilli(); }

    private TreeSet<Integer> pending() { return holding ? new TreeSet<>() : speaking.pendingEvents(); }

    /** A piece of response {@code eventId} goes to the client now and starts playing after what was sent before. */
    private void send(int eventId, UtteranceAudio.Piece piece, int offset) {
        long start = playback.sent(eventId, nowMs(), piece.durationMs(), piece.pcm16k());
        SpokenChars a = piece.alignment();
        for (int k = 0; k < a.chars().size(); k++) {
            playback.character(eventId, start + a.startMs().get(k), offset + piece.firstChar() + k + 1);
        }
        outer.send(new Frame.AgentAudio(eventId, piece.wire(), a));
        events.sent(eventId);
    }

    /** What {@link Speaking} produces: pieces to the client and to playback, or into {@link #held} while holding. */
    private final class SpeechSide implements Speaking.Output {
        @Override public void synthesized(int eventId) {
            if (holding) held.synthesized(eventId);
            else events.synthesized(eventId);
        }

        @Override public void piece(int eventId, UtteranceAudio.Piece piece, int offset) {
            if (held != null) held.add(eventId, piece, offset); // held back, or released and not sent yet: keeps the order
            else send(eventId, piece, offset);
        }

        @Override public void idle() {
            if (held != null) held.idle = true;
            else events.idle(playback.aheadMs(nowMs()));
        }

        @Override public long aheadMs() { return playback.aheadMs(nowMs()) + (held == null ? 0 : held.ms()); }

        @Override public boolean holding() { return holding; }
    }
}
