package dev.timbre.agent.voice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.timbre.agent.session.Frame;
import dev.timbre.agent.session.ScriptedLanguageModel;
import dev.timbre.agent.session.ScriptedLanguageModel.Reply;
import dev.timbre.agent.transcript.TranscriptEntry;
import dev.timbre.engine.ChatMessage;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A typed {@code user_message} during a voice call. */
class VoiceTypedMessageTest {
    private static final String LONG = "This is a rather long welcome message. It goes on and on for quite a while, "
            + "so that there is time to interrupt it.";

    private static VoiceSettings settings(boolean interruptions, boolean speculative) {
        return new VoiceSettings(null, null, "en", List.of(), null, VoiceSettings.Eagerness.NORMAL, speculative, null,
                List.of(), interruptions, true);
    }

    @Test
    void aTypedMessageOverAgentAudioBargesInThenGetsItsReply() {
        var model = new ScriptedLanguageModel(Reply.text("Sure, typing works."));
        var f = new VoiceFixture(settings(true, false), LONG, model).start();
        int greeting = f.out.responseId(LONG);
        f.wait(500); // 25 characters played

        f.conversation.receive(new Frame.UserText("hold on"));
        f.loop.drain();

        assertThat(f.out.all(Frame.Interruption.class)).containsExactly(new Frame.Interruption(greeting));
        Frame.ResponseCorrection c = f.out.all(Frame.ResponseCorrection.class).get(0);
        assertThat(c.corrected()).isEqualTo("This is a rather long welcome");
        int reply = f.out.responseId("Sure, typing works.");
        assertThat(reply).isGreaterThan(greeting); // the client drops audio with event_id ≤ the interruption's
        assertThat(f.out.audio(reply)).isNotEmpty();
        List<String> kinds = f.out.kinds();
        assertThat(kinds.indexOf("Interruption")).isLessThan(kinds.lastIndexOf("AgentAudio"));
        assertThat(model.requests.get(0).messages()).filteredOn(m -> m.role() != ChatMessage.Role.SYSTEM)
                .extracting(ChatMessage::content).containsExactly("This is a rather long welcome", "hold on");
        assertThat(f.out.transcript).extracting(TranscriptEntry::sourceMedium).contains("text");
        f.silence(3000);
        // only the heard half-second of the greeting was recorded, then the whole reply
        assertThat(f.out.agentRecordedSamples()).isEqualTo((500 + 19 * 20) * 16);
    }

    @Test
    void withoutInterruptionsTheTypedReplyWaitsForTheGreeting() {
        var model = new ScriptedLanguageModel(Reply.text("Sure."));
        var f = new VoiceFixture(settings(false, false), LONG, model).start();
        f.wait(500);
        f.conversation.receive(new Frame.UserText("hold on"));
        f.loop.drain();
        assertThat(f.out.all(Frame.Interruption.class)).isEmpty();
        assertThat(f.out.all(Frame.ResponseCorrection.class)).isEmpty();
        f.silence(3000);
        // everything was played: the greeting, then the reply
        assertThat(f.speech.spoken).endsWith("Sure.");
        assertThat(f.out.agentRecordedSamples()).isEqualTo(f.speech.spoken.stream().mapToInt(String::length).sum() * 20 * 16L);
    }

    @Test
    void aTypedMessageDuringASpeculativeTurnRetractsTheEarlyReply() {
        var model = new ScriptedLanguageModel(Reply.text("Too early."), Reply.text("Typed answer."), Reply.text("Spoken answer."));
        var f = new VoiceFixture(settings(true, true), "", model, "book a table").start();
        f.speak(400);
        f.silence(180);
        assertThat(model.requests).hasSize(1); // the speculative turn started

        f.conversation.receive(new Frame.UserText("never mind"));
        f.loop.drain();

        assertThat(f.out.responses()).containsExactly("Typed answer.");
        assertThat(model.requests.get(1).messages()).filteredOn(m -> m.role() == ChatMessage.Role.USER)
                .extracting(ChatMessage::content).containsExactly("never mind");
        f.silence(500); // the spoken turn ends (the typed reply, started while the user was still speaking, is cut)
        assertThat(f.out.responses()).containsExactly("Typed answer.", "Spoken answer.");
        // the early reply was synthesised during the silence, but none of its audio reached the client
        var shown = f.out.all(Frame.AgentResponse.class).stream().map(Frame.AgentResponse::eventId).toList();
        assertThat(f.out.all(Frame.AgentAudio.class)).allMatch(a -> shown.contains(a.eventId()));
        assertThat(f.out.transcript).extracting(TranscriptEntry::message).doesNotContain("Too early.")
                .containsSubsequence("never mind", "book a table", "Spoken answer.");
        assertThat(model.requests.get(2).messages()).filteredOn(m -> m.role() == ChatMessage.Role.USER)
                .extracting(ChatMessage::content).containsExactly("never mind", "book a table");
    }

    @Test
    void aTypedMessageEndsTheLatencyOfASpokenTurnStillWaiting() {
        var model = new LateLanguageModel();
        var config = dev.timbre.agent.session.SessionConfig.of("conv_t", new dev.timbre.agent.session.AgentProfile(
                "agent_t", "Late", "", "", "en", null, List.of(), null, null, model));
        var f = new VoiceFixture(settings(true, false), config, null, "spoken question").start();
        f.userTurn(300);
        assertThat(model.requests).hasSize(1);

        f.conversation.receive(new Frame.UserText("typed question"));
        f.loop.drain();
        model.answer("The typed answer.");
        f.loop.drain();

        assertThat(model.requests).hasSize(2);
        assertThat(f.out.latencies).hasSize(1);
        assertThat(f.out.latencies.get(0).agentEventId()).isZero(); // not the typed reply's
        assertThat(f.out.latencies.get(0).firstAudioSentMs()).isNull();
    }
}
