package dev.timbre.agent.session;

import dev.timbre.agent.tools.AgentTool;
import dev.timbre.agent.tools.ToolRunner;
import dev.timbre.engine.LanguageModel;
import java.util.List;

/** A session on a {@link ManualLoop} with a recording listener. */
final class SessionFixture {
    final ManualLoop loop = new ManualLoop();
    final RecordingListener out;
    final ConversationSession session;

    SessionFixture(SessionConfig config, ToolRunner runner, AgentDirectory directory) {
        this(config, runner, directory, new RecordingListener());
    }

    SessionFixture(SessionConfig config, ToolRunner runner, AgentDirectory directory, RecordingListener out) {
        this.out = out;
        session = new ConversationSession(config, loop, out, runner, directory);
    }

    static AgentProfile agent(LanguageModel model, String prompt, String firstMessage, AgentTool... tools) {
        return new AgentProfile("agent_1", "Test agent", prompt, firstMessage, "en", List.of("en", "fr"), List.of(tools),
                null, null, model);
    }

    static SessionFixture started(SessionConfig config) {
        return started(config, ToolRunner.NONE, AgentDirectory.NONE);
    }

    static SessionFixture started(SessionConfig config, ToolRunner runner, AgentDirectory directory) {
        SessionFixture f = new SessionFixture(config, runner, directory);
        f.session.start(null);
        f.loop.drain();
        return f;
    }

    void say(String text) {
        session.receive(new Frame.UserText(text));
        loop.drain();
    }
}
