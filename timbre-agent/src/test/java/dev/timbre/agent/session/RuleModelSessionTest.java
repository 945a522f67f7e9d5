package dev.timbre.agent.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.timbre.agent.tools.AgentTool;
import dev.timbre.engine.ToolSpec;
import dev.timbre.engine.rules.RuleLanguageModel;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The offline rule model on the real executor loop, end to end. */
class RuleModelSessionTest {
    @Test
    void rulesAnswerCallToolsAndEndTheCall() throws Exception {
        CountDownLatch ended = new CountDownLatch(1);
        RecordingListener out = new RecordingListener() {
            @Override public void ended(SessionEnd e) { super.ended(e); ended.countDown(); }
        };
        var endCall = AgentTool.system(new ToolSpec("end_call", "ends the call", Map.of("type", "object",
                "properties", Map.of("reason", Map.of("type", "string")))), "end_call", null);
        var agent = new AgentProfile("agent_r", "Rules", "When the user says hello, reply Hi there, friend.", "Welcome!", "en",
                null, List.of(endCall), null, null, new RuleLanguageModel());
        var loop = new ExecutorSessionLoop("test", Clock.systemUTC(), e -> { throw e; });
        var session = new ConversationSession(SessionConfig.of("conv_r", agent), loop, out, null, null);
        session.start(Duration.ofMillis(10));
        session.receive(new Frame.UserText("hello"));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (out.responses().size() < 2 && System.nanoTime() < deadline) Thread.sleep(5);
        session.receive(new Frame.UserText("ok, goodbye"));
        assertThat(ended.await(5, TimeUnit.SECONDS)).isTrue();

        assertThat(out.responses()).containsExactly("Welcome!", "Hi there, friend.", "Goodbye!");
        assertThat(out.all(Frame.ResponsePart.class)).isNotEmpty();
        assertThat(out.end.terminationReason()).isEqualTo("end_call tool was called.");
        assertThat(out.end.transcript()).extracting(e -> e.role()).containsExactly("agent", "user", "agent", "user", "agent");
    }
}
