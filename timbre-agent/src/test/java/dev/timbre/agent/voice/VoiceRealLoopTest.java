package dev.timbre.agent.voice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.timbre.agent.session.AgentDirectory;
import dev.timbre.agent.session.ExecutorSessionLoop;
import dev.timbre.agent.session.Frame;
import dev.timbre.agent.session.SessionConfig;
import dev.timbre.agent.tools.ToolRunner;
import dev.timbre.audio.Pcm;
import dev.timbre.engine.rules.RuleLanguageModel;
import java.time.Clock;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The production wiring: the executor loop, recognition on the loop's blocking pool, speech on its own threads, the
 * rule model. Audio is sent much faster than real time; turns are decided in audio time, so the result is the same.
 */
@Tag("integration")
class VoiceRealLoopTest {
    @Test
    void aSpokenTurnIsAnsweredWithAudioOnRealThreads() throws Exception {
        var out = new VoiceRecorder();
        var speech = new ToneSpeech(24000, 10, 16);
        speech.threaded = true;
        var profile = new dev.timbre.agent.session.AgentProfile("agent_r", "Rules",
                "When the user says hello, reply Hi there. Nice to hear you.", "Hello.", "en", null, List.of(), null, null,
                new RuleLanguageModel());
        var loop = new ExecutorSessionLoop("voice-test", Clock.systemUTC(), e -> { throw e; });
        var conversation = new VoiceConversation(SessionConfig.of("conv_real", profile), VoiceSettings.defaults(),
                new VoiceEngines(ScriptedVad::new, new ScriptedSpeechToText("hello"), speech), loop, out, ToolRunner.NONE,
                AgentDirectory.NONE);
        conversation.start(null);
        short[] voiced = new short[320];
        for (int i = 0; i < voiced.length; i++) voiced[i] = (short) (8000 * Math.sin(2 * Math.PI * 300 * i / 16000.0));
        for (int i = 0; i < 25; i++) conversation.receive(new Frame.UserAudio(Pcm.toBytes(voiced)));
        for (int i = 0; i < 40; i++) conversation.receive(new Frame.UserAudio(new byte[640]));

        await(() -> out.responses().contains("Hi there. Nice to hear you.") && !out.latencies.isEmpty());
        int id = out.responseId("Hi there. Nice to hear you.");
        await(() -> out.alignedText(id).equals("Hi there.Nice to hear you."));
        assertThat(out.userTranscripts()).containsExactly("hello");
        assertThat(out.latencies.get(0).agentEventId()).isEqualTo(id);
        assertThat(out.latencies.get(0).firstAudioSentMs()).isNotNull();
        conversation.hangUp("Client disconnected: 1000", 1000);
        await(() -> out.end != null);
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("condition not reached");
            Thread.sleep(5);
        }
    }
}
