package dev.timbre.agent.voice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.timbre.agent.session.Frame;
import dev.timbre.agent.session.ScriptedLanguageModel;
import dev.timbre.agent.session.ScriptedLanguageModel.Reply;
import dev.timbre.agent.session.SessionConfig;
import dev.timbre.agent.tools.AgentTool;
import dev.timbre.engine.ToolCall;
import dev.timbre.engine.ToolSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How a voice call ends: the agent finishes its last words unless the client left. */
class VoiceEndTest {
    private static VoiceFixture endCallFixture() {
        var endCall = AgentTool.system(new ToolSpec("end_call", "", null), "end_call", null);
        var model = new ScriptedLanguageModel(Reply.textAndTools("Goodbye then!", new ToolCall("e1", "end_call", "{}")));
        var agent = new dev.timbre.agent.session.AgentProfile("agent_v", "Voice agent", "", "", "en", List.of("en"),
                List.of(endCall), null, null, model);
        return new VoiceFixture(VoiceFixture.settings(null, null, VoiceSettings.Eagerness.NORMAL, null, true, true),
                SessionConfig.of("conv_e", agent), model, "bye").start();
    }

    @Test
    void theFarewellIsSpokenAndPlayedBeforeTheEnd() {
        var f = endCallFixture();
        f.speak(300);
        f.silence(300);
        int id = f.out.responseId("Goodbye then!");
        assertThat(f.out.alignedText(id)).isEqualTo("Goodbye then!"); // 260 ms of audio
        f.loop.drain();
        assertThat(f.out.end).isNull(); // the farewell is still playing
        f.wait(300);
        assertThat(f.out.end.terminationReason()).isEqualTo("end_call tool was called.");
        assertThat(f.out.agentRecordedSamples()).isEqualTo(13 * 20 * 16);
        assertThat(f.loop.shutDown).isTrue();
    }

    @Test
    void aClientThatLeftEndsAtOnce() {
        var f = new VoiceFixture(VoiceFixture.settings(null, null, VoiceSettings.Eagerness.NORMAL, null, true, true),
                "A greeting that takes a while to play.", new ScriptedLanguageModel()).start();
        f.conversation.hangUp("Client disconnected: 1000", 1000);
        f.loop.drain();
        assertThat(f.out.end).isNotNull();
        assertThat(f.out.all(Frame.AgentAudio.class)).isNotEmpty();
    }

    @Test
    void aClientLeavingWhileTheFarewellPlaysEndsAtOnce() {
        var f = endCallFixture();
        f.speak(300);
        f.silence(300);
        assertThat(f.out.end).isNull();
        f.conversation.hangUp("Client disconnected: 1000", 1000);
        f.loop.drain();
        assertThat(f.out.end).isNotNull();
        assertThat(f.out.end.terminationReason()).isEqualTo("end_call tool was called.");
    }

    @Test
    void aClientThatLeftHasOnlyWhatItHeardRecorded() {
        var f = new VoiceFixture(VoiceFixture.settings(null, null, VoiceSettings.Eagerness.NORMAL, null, true, true),
                "A greeting that takes a while to play.", new ScriptedLanguageModel()).start(); // 760 ms
        f.silence(200);
        f.conversation.hangUp("Client disconnected: 1000", 1000);
        f.loop.drain();
        assertThat(f.out.end).isNotNull();
        assertThat(f.out.agentRecordedSamples()).isEqualTo(200 * 16);
    }

    @Test
    void hangingUpWhileSynthesisAndRecognitionRunLeavesNothingBehind() {
        var model = new ScriptedLanguageModel(Reply.hang("A long answer. ", "With more to come. "));
        var f = new VoiceFixture(VoiceFixture.settings(null, null, VoiceSettings.Eagerness.NORMAL, null, true, true),
                "", model, "question", "more").start();
        f.speech.hold = true; // synthesis in progress
        f.userTurn(300);
        f.speak(60); // not yet a speech start: no barge-in, but the VAD is mid-utterance
        assertThat(f.speech.spoken).containsExactly("A long answer.");

        f.conversation.hangUp("Client disconnected: 1000", 1000);
        f.loop.drain();
        int framesAtEnd = f.out.frames.size();
        f.speech.releaseAll(); // the engine's late callbacks
        f.loop.drain();
        f.wait(60_000); // no timer fires after the end

        assertThat(f.out.end).isNotNull();
        assertThat(f.speech.cancelled).isEqualTo(1);
        assertThat(model.closed).containsExactly(true);
        assertThat(f.out.frames).hasSize(framesAtEnd);
        assertThat(f.out.all(Frame.AgentAudio.class)).isEmpty();
        assertThat(f.vad.closed).isTrue();
        assertThat(f.loop.shutDown).isTrue();
    }

    @Test
    void aSessionEndingDuringAStalledReplySaysWhatItHadAndEndsAfterIt() {
        var model = new ScriptedLanguageModel(Reply.hang("Thinking about it. ", "Still here"));
        var config = SessionConfig.of("conv_s", VoiceFixture.agent(model, "")).withIdleTimeout(java.time.Duration.ofSeconds(3));
        var f = new VoiceFixture(VoiceFixture.settings(null, null, VoiceSettings.Eagerness.NORMAL, null, true, true),
                config, model, "question").start();
        f.userTurn(300);
        f.wait(3000); // the idle timeout ends the session while the model is stalled mid-reply
        f.wait(500); // "Still here" (200 ms) is spoken and played
        assertThat(f.speech.spoken).containsExactly("Thinking about it.", "Still here");
        assertThat(f.out.end).isNotNull(); // not after the 30 s limit
    }
}
