package dev.timbre.agent.voice;

import dev.timbre.agent.session.AgentDirectory;
import dev.timbre.agent.session.Conversation;
import dev.timbre.agent.session.ConversationSession;
import dev.timbre.agent.session.Frame;
import dev.timbre.agent.session.SessionConfig;
import dev.timbre.agent.session.SessionListener;
import dev.timbre.agent.session.SessionLoop;
import dev.timbre.agent.tools.ToolRunner;
import java.time.Duration;

/**
 * A voice conversation: audio in, VAD and streaming recognition, turn-taking, the text session's replies spoken
 * sentence by sentence, barge-in. Wraps a {@link ConversationSession} on the same {@link SessionLoop}.
 * SKELETON (contract only): today it passes everything to the text session; the voice stages replace this.
 */
public final class VoiceConversation implements Conversation {
    private final ConversationSession session;

    public VoiceConversation(SessionConfig config, VoiceSettings voice, VoiceEngines engines, SessionLoop loop,
                             SessionListener listener, ToolRunner runner, AgentDirectory directory) {
        this.session = new ConversationSession(config, loop, listener, runner, directory);
    }

    @Override public void start(Duration delay) { session.start(delay); }

    @Override public void receive(Frame.Input input) { if (!(input instanceof Frame.UserAudio)) session.receive(input); }

    @Override public void hangUp(String reason, int closeCode) { session.hangUp(reason, closeCode); }

    @Override public void fail(int code, String errorType, String message) { session.fail(code, errorType, message); }
}
