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

    /** Something is audible, being synthesised, or still streaming. */
    boolean talking(long nowMs) { return playback.audible(nowMs) || speaking.busy(); }

    boolean audible(long nowMs) { return playback.audible(nowMs); }

    boolean busy() { return speaking.busy(); }

    long aheadMs(long nowMs) { return playback.aheadMs(nowMs); }

    /** Records what has been played by {@code nowMs}. */
    void played(long nowMs) { playback.release(nowMs); }

    /** Whether the user may cut the agent off now: interruptions on, and not during an uninterruptible first message. */
    boolean interruptible(long nowMs) {
        if (!voice.interruptions()) return false;
        return voice.firstMessageInterruptible() || firstMessageEventId == 0
                || !(playback.audibleEvents(nowMs).contains(firstMessageEventId) || speaking.pendingEvents().contains(firstMessageEventId));
    }

    /**
     * The user cut in: everything audible or pending stops, the client gets an {@link Frame.Interruption} with the
     * latest id stopped (replies from now on have larger ids: the client drops audio at or below it). Returns what each
     * stopped response was heard up to, for the session.
     */
    List<Frame.PlaybackCut> bargeIn(long nowMs) {
        TreeSet<Integer> affected = playback.audibleEvents(nowMs);
        affected.addAll(speaking.pendingEvents());
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

    /** What {@link Speaking} produces: pieces to the client and to playback. */
    private final class SpeechSide implements Speaking.Output {
        @Override public void synthesized(int eventId) { events.synthesized(eventId); }

        @Override public void piece(int eventId, UtteranceAudio.Piece piece, int offset) {
            long start = playback.sent(eventId, nowMs(), piece.durationMs(), piece.pcm16k());
            SpokenChars a = piece.alignment();
            for (int k = 0; k < a.chars().size(); k++) {
                playback.character(eventId, start + a.startMs().get(k), offset + piece.firstChar() + k + 1);
            }
            outer.send(new Frame.AgentAudio(eventId, piece.wire(), a));
            events.sent(eventId);
        }

        @Override public void idle() { events.idle(playback.aheadMs(nowMs())); }

        @Override public long aheadMs() { return playback.aheadMs(nowMs()); }
    }
}
