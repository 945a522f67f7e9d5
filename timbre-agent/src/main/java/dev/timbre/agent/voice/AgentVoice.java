package dev.timbre.agent.voice;

import dev.timbre.agent.session.Frame;
import dev.timbre.agent.session.SessionLoop;
import dev.timbre.agent.session.SpokenChars;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The agent's side of a call: the session's replies ({@link AgentReply}, one per response event id) → {@link Speaking}
 * (sentences, synthesis) → {@link Frame.AgentAudio} reported to the owner, with {@link Playback} keeping what the
 * client has played (the recording, what was heard). While a {@link SpeculativeTurn} is undecided its audio is held in
 * it. A barge-in stops everything at once and tells what each reply was heard up to. Times are loop milliseconds
 * (epoch). It reports to its owner ({@link Events}) and knows nothing of the other parts of the conversation.
 *
 * <p>Threading: loop thread only; engine callbacks reach it through the loop ({@link Speaking}).
 */
final class AgentVoice {
    /** Replies kept for lookup by event id (the session's frames name them by id). */
    static final int MAX_REPLIES = 16;

    /** What the agent's voice reports to its owner (loop thread). */
    interface Events {
        /** The engine's first audio of {@code reply}. */
        void synthesized(AgentReply reply);

        /** An {@code audio} event of {@code reply} for the client, sent now. */
        void audio(AgentReply reply, Frame.AgentAudio frame);

        /** Nothing is being or waiting to be spoken; what was sent will have been played in {@code aheadMs}. */
        void idle(long aheadMs);
    }

    /**
     * What a barge-in stopped: the text each stopped reply was heard up to (for the session), and the latest event id
     * stopped (for the client's {@link Frame.Interruption}; 0 when nothing was stopped).
     */
    record Cut(List<Frame.PlaybackCut> heard, int interruptedEventId) {}

    private final Speaking speaking;
    private final Playback playback;
    private final VoiceSettings voice;
    private final Events events;
    private final Map<Integer, AgentReply> replies = new LinkedHashMap<>();
    private AgentReply firstMessage;
    /** A speculative turn's audio: held back while it is {@link SpeculativeTurn#holding}, then until {@link #sendHeld}. */
    private SpeculativeTurn speculative;
    private final SessionLoop loop;

    AgentVoice(AgentSpeech speech, VoiceSettings voice, SessionLoop loop, Playback.Recorder recorder, Events events) {
        this.voice = voice;
        this.loop = loop;
        this.events = events;
        this.playback = new Playback(recorder);
        this.speaking = new Speaking(speech, voice.output(), loop, new SpeechSide());
    }

    // ---- the session's replies ----

    /** A streamed reply starts ({@link Frame.ResponsePart} start). */
    void begin(int eventId) { speaking.begin(reply(eventId, true)); }

    void delta(int eventId, String text) {
        AgentReply r = replies.get(eventId);
        if (r != null) speaking.delta(r, text);
    }

    void end(int eventId) {
        AgentReply r = replies.get(eventId);
        if (r != null) speaking.end(r);
    }

    /** A whole {@link Frame.AgentResponse}: spoken unless it only closes a streamed reply; {@code first}: the first message. */
    void whole(int eventId, String text, boolean first) {
        if (streamed(eventId)) return;
        AgentReply r = reply(eventId, false);
        if (first && firstMessage == null) firstMessage = r;
        speaking.whole(r, text);
    }

    /** The reply {@code eventId} was streamed in parts (its whole response only closes it). */
    boolean streamed(int eventId) {
        AgentReply r = replies.get(eventId);
        return r != null && r.streamed;
    }

    /** The reply with {@code eventId}, or null when it is not (or no longer) known. */
    AgentReply find(int eventId) { return replies.get(eventId); }

    /** The session ended with replies still streaming (a stalled LLM): what they said so far is spoken to the end. */
    void endStreams() { speaking.endStreams(); }

    private AgentReply reply(int eventId, boolean streamed) {
        AgentReply r = new AgentReply(eventId, streamed);
        replies.put(eventId, r);
        while (replies.size() > MAX_REPLIES) replies.remove(replies.keySet().iterator().next());
        return r;
    }

    // ---- state ----

    /** Something is audible, being synthesised, or still streaming (a held-back speculative reply is not). */
    boolean talking(long nowMs) { return playback.audible(nowMs) || busy(); }

    /** Something is being synthesised or still streaming, outside a held-back speculative reply. */
    boolean busy() { return !holding() && speaking.busy(); }

    long aheadMs(long nowMs) { return playback.aheadMs(nowMs); }

    /** Records what has been played by {@code nowMs}. */
    void played(long nowMs) { playback.release(nowMs); }

    /** Whether the user may cut the agent off now: interruptions on, and not during an uninterruptible first message. */
    boolean interruptible(long nowMs) {
        if (!voice.interruptions()) return false;
        return voice.firstMessageInterruptible() || firstMessage == null
                || !(playback.audibleReplies(nowMs).contains(firstMessage) || (!holding() && speaking.pendingReplies().contains(firstMessage)));
    }

    // ---- a speculative turn ----

    /**
     * A speculative turn starts (the agent is silent, nothing is pending): everything spoken from now on is synthesised
     * at once but held in {@code turn} — nothing is sent, played or recorded — until {@link #sendHeld} or {@link #drop}.
     */
    void hold(SpeculativeTurn turn) { speculative = turn; }

    /** Sends the confirmed turn's audio now: playback, heard text and recording count from this instant. */
    void sendHeld() {
        SpeculativeTurn t = speculative;
        speculative = null;
        if (t == null) return;
        for (AgentReply r : t.synthesizedReplies()) events.synthesized(r);
        for (SpeculativeTurn.HeldAudio p : t.audio()) send(p.reply(), p.piece(), p.offset());
        speaking.resume();
        if (t.wentIdle() && !speaking.busy()) events.idle(playback.aheadMs(nowMs()));
    }

    /** The speculative turn is dropped: its synthesis is cancelled and its audio discarded, unsent and unrecorded. */
    void drop() {
        if (speculative == null) return;
        speculative = null;
        speaking.cutAll(); // only the speculative reply was pending (holding starts with the agent silent)
    }

    private boolean holding() { return speculative != null && speculative.holding(); }

    // ---- barge-in and the end ----

    /**
     * The user cut in: everything audible or pending stops. Returns what each stopped reply was heard up to and the
     * latest id stopped (replies from now on have larger ids: the client drops audio at or below it). Confirmed audio
     * not yet sent is discarded; audio still held back is not affected (a held reply is not talking).
     */
    Cut bargeIn(long nowMs) {
        if (holding()) return new Cut(List.of(), 0);
        Set<AgentReply> affected = new LinkedHashSet<>(playback.audibleReplies(nowMs));
        affected.addAll(speaking.pendingReplies());
        if (speculative != null) for (SpeculativeTurn.HeldAudio p : speculative.audio()) affected.add(p.reply());
        speculative = null;
        List<Frame.PlaybackCut> cuts = new ArrayList<>();
        int latest = 0;
        for (AgentReply r : affected.stream().sorted((a, b) -> Integer.compare(a.eventId, b.eventId)).toList()) {
            cuts.add(new Frame.PlaybackCut(r.eventId, r.heardBy(nowMs)));
            latest = r.eventId;
        }
        speaking.cutAll();
        playback.cut(nowMs);
        return new Cut(cuts, latest);
    }

    /** The call is over: nothing more is spoken; a client that left has only what it heard recorded. */
    void close(boolean clientGone, long nowMs) {
        speaking.close();
        if (clientGone) playback.cut(nowMs);
        else playback.releaseAll();
    }

    private long nowMs() { return loop.now().toEpochMilli(); }

    /** A piece of {@code reply} goes to the client now and starts playing after what was sent before. */
    private void send(AgentReply reply, UtteranceAudio.Piece piece, int offset) {
        long start = playback.sent(reply, nowMs(), piece.durationMs(), piece.pcm16k());
        SpokenChars a = piece.alignment();
        for (int k = 0; k < a.chars().size(); k++) reply.mark(start + a.startMs().get(k), offset + piece.firstChar() + k + 1);
        events.audio(reply, new Frame.AgentAudio(reply.eventId, piece.wire(), a));
    }

    /** What {@link Speaking} produces: pieces to the client and to playback, or into the speculative turn while held. */
    private final class SpeechSide implements Speaking.Output {
        @Override public void synthesized(AgentReply reply) {
            if (holding()) speculative.synthesized(reply);
            else events.synthesized(reply);
        }

        @Override public void piece(AgentReply reply, UtteranceAudio.Piece piece, int offset) {
            if (speculative != null) speculative.add(reply, piece, offset); // held back, or confirmed and not sent yet: keeps the order
            else send(reply, piece, offset);
        }

        @Override public void idle() {
            if (speculative != null) speculative.idle();
            else events.idle(playback.aheadMs(nowMs()));
        }

        @Override public long aheadMs() {
            return playback.aheadMs(nowMs()) + (speculative == null ? 0 : speculative.audioMs());
        }

        @Override public boolean holding() { return AgentVoice.this.holding(); }
    }
}
