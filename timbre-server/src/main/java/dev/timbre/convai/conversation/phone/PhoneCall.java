package dev.timbre.convai.conversation.phone;

import dev.timbre.agent.session.Conversation;
import dev.timbre.agent.session.Frame;
import dev.timbre.agent.session.PhoneControl;
import dev.timbre.agent.session.SessionEnd;
import dev.timbre.agent.voice.AgentSpeech;
import dev.timbre.agent.voice.VoiceListener;
import dev.timbre.convai.conversation.transport.ConversationRecorder;
import dev.timbre.convai.conversation.transport.RecordingListener;
import dev.timbre.telephony.LineListener;
import dev.timbre.telephony.PhoneLine;

/**
 * One agent conversation on one phone line, both ways: the line's audio and keys go to the conversation, the
 * conversation's audio is played on the line, an interruption clears what the caller has not heard yet, the end
 * hangs up; everything is recorded through the {@link ConversationRecorder}. Keys pressed reach the agent as a
 * contextual update; the call-only system tools act on the line through its {@link LineControl}. Threading: {@link LineListener} calls come from the line's thread, {@link VoiceListener} calls
 * from the session loop; both only hand over.
 */
final class PhoneCall extends RecordingListener implements LineListener {
    private final String conversationId;
    private final PhoneLine line;
    private final Runnable release;
    private final LineControl control;
    private volatile Conversation session;
    private volatile boolean over;
    /** The line's end while a transfer was under way (held back: it may be the transfer's own); null if none. */
    private volatile String endedWhileTransferring;

    /** @param voice the conversation's voice (a warm transfer's operator message is spoken with it) */
    PhoneCall(String conversationId, PhoneLine line, ConversationRecorder recorder, Runnable release, AgentSpeech voice) {
        super(recorder);
        this.conversationId = conversationId;
        this.line = line;
        this.release = release;
        this.control = new LineControl(line, voice, this::transferFailed);
    }

    /** The conversation this call feeds; set once, before the line opens. */
    void attach(Conversation session) { this.session = session; }

    // the line → the conversation

    @Override
    public void audio(byte[] ulaw) {
        if (!over) session.receive(new Frame.UserAudio(ulaw));
    }

    @Override
    public void digit(char digit) {
        if (!over) session.receive(new Frame.ContextualUpdate("The caller pressed " + digit + " on the phone keypad."));
    }

    @Override
    public void ended(String reason) {
        // a transfer ends the line: the session ends itself once the transfer returned ("Call transferred to …")
        String why = reason == null ? "The caller hung up" : reason;
        if (over) return;
        if (control.transferring()) endedWhileTransferring = why;
        else session.hangUp(why, 1000);
    }

    /** A transfer failed: if the caller left meanwhile, that end is reported now (else the call goes on). */
    private void transferFailed() {
        String why = endedWhileTransferring;
        if (why != null && !over) session.hangUp(why, 1000);
    }

    /** The session loop failed: the call ends with an error. */
    void fail(String message) {
        session.fail(1011, "unknown", message);
    }

    // the conversation → the line

    @Override
    public PhoneControl phone() { return control; }

    @Override
    public void send(Frame.Output frame) {
        if (frame instanceof Frame.AgentAudio a) line.play(a.audio());
        else if (frame instanceof Frame.Interruption) line.clear();
    }

    @Override
    public void ended(SessionEnd end) {
        over = true;
        recorder.ended(end);
        release.run();
        line.hangUp();
    }

    @Override
    public String toString() { return "PhoneCall[" + conversationId + "]"; }
}
