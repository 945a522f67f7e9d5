package dev.timbre.agent.voice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.timbre.agent.session.Frame;
import dev.timbre.agent.session.ScriptedLanguageModel;
import dev.timbre.agent.session.ScriptedLanguageModel.Reply;
import dev.timbre.agent.transcript.TranscriptEntry;
import dev.timbre.engine.ChatMessage;
import org.junit.jupiter.api.Test;

/** The user speaks over the agent. */
class VoiceBargeInTest {
    private static final String LONG = "This is a rather long welcome message. It goes on and on for quite a while, "
            + "so that there is time to interrupt it.";

    private static VoiceSettings settings(boolean interruptions, boolean firstInterruptible) {
        return VoiceFixture.settings(null, null, VoiceSettings.Eagerness.NORMAL, null, interruptions, firstInterruptible);
    }

    @Test
    void bargeInStopsTheAgentAndCutsTheTranscriptAndHistoryToWhatWasHeard() {
        var model = new ScriptedLanguageModel(Reply.text("Sure."));
        var f = new VoiceFixture(settings(true, true), LONG, model, "wait a moment").start();
        int id = f.out.responseId(LONG);
        f.silence(500);
        f.speak(200); // speech starts after three voiced frames (~96 ms), at ~600 ms: ~30 characters heard

        assertThat(f.out.all(Frame.Interruption.class)).containsExactly(new Frame.Interruption(id));
        Frame.ResponseCorrection c = f.out.all(Frame.ResponseCorrection.class).get(0);
        assertThat(c.eventId()).isEqualTo(id);
        assertThat(c.original()).isEqualTo(LONG);
        assertThat(c.corrected()).isEqualTo("This is a rather long welcome");
        f.silence(600);
        TranscriptEntry first = f.out.transcript.get(0);
        assertThat(first.message()).isEqualTo(c.corrected());
        assertThat(first.interrupted()).isTrue();
        assertThat(first.originalMessage()).isEqualTo(LONG);
        // the LLM sees what the user heard
        assertThat(model.requests.get(0).messages()).filteredOn(m -> m.role() == ChatMessage.Role.ASSISTANT)
                .extracting(ChatMessage::content).containsExactly(c.corrected());
        assertThat(f.out.userTranscripts()).containsExactly("wait a moment");
        // only what was played is recorded: about 600 ms of the greeting, then the reply
        long greeting = f.out.agentRecording.stream().filter(r -> r[1] < 700).mapToLong(r -> r[0]).sum();
        assertThat(greeting).isBetween(560L * 16, 680L * 16);
    }

    @Test
    void bargeInCancelsPendingSynthesisOfAStreamingReply() {
        var model = new ScriptedLanguageModel(Reply.hang("Let me explain. ", "First, the basics. ", "Then"));
        var f = new VoiceFixture(settings(true, true), "", model, "explain", "stop").start();
        f.speech.hold = true; // synthesis is slow: nothing audible yet
        f.userTurn(300);
        assertThat(f.speech.spoken).containsExactly("Let me explain.");
        int id = f.out.all(Frame.ResponsePart.class).get(0).eventId();

        f.speak(200);

        assertThat(f.speech.cancelled).isEqualTo(1);
        assertThat(f.out.all(Frame.Interruption.class)).containsExactly(new Frame.Interruption(id));
        assertThat(model.closed).containsExactly(true); // the LLM stream was stopped
        f.speech.releaseAll(); // a late engine callback is dropped
        f.loop.drain();
        assertThat(f.out.audio(id)).isEmpty();
        Frame.ResponseCorrection c = f.out.all(Frame.ResponseCorrection.class).get(0);
        assertThat(c.original()).isEqualTo("Let me explain. First, the basics. Then");
        assertThat(c.corrected()).isEmpty();
    }

    @Test
    void withoutInterruptionsTheAgentFinishesAndOverlappingSpeechIsIgnored() {
        var model = new ScriptedLanguageModel(Reply.text("Sure."));
        var f = new VoiceFixture(settings(false, true), LONG, model, "ignored words", "after").start();
        f.silence(500);
        f.userTurn(300);
        assertThat(f.out.all(Frame.Interruption.class)).isEmpty();
        assertThat(f.out.all(Frame.ResponseCorrection.class)).isEmpty();
        assertThat(f.out.userTranscripts()).isEmpty();
        assertThat(f.out.transcript.get(0).interrupted()).isFalse();
        f.silence(2000); // the greeting (2.3 s) has been played
        f.userTurn(300);
        assertThat(f.out.userTranscripts()).containsExactly("ignored words");
    }

    @Test
    void theFirstMessageCanBeMadeUninterruptible() {
        var model = new ScriptedLanguageModel(Reply.text("This reply can be cut short because it is long enough."));
        var f = new VoiceFixture(settings(true, false), LONG, model, "first", "second").start();
        f.silence(300);
        f.userTurn(300);
        assertThat(f.out.all(Frame.Interruption.class)).isEmpty();
        f.silence(2000);
        f.userTurn(300); // after the greeting: a normal turn
        assertThat(f.out.userTranscripts()).containsExactly("first");
        f.silence(200);
        f.speak(200); // over the reply: interrupts
        int reply = f.out.responseId("This reply can be cut short because it is long enough.");
        assertThat(f.out.all(Frame.Interruption.class)).containsExactly(new Frame.Interruption(reply));
    }

    @Test
    void agentAudioAheadOfPlaybackIsBounded() {
        String sentence = "This sentence takes exactly two seconds to say for the tone voice, give or take abit. ";
        var model = new ScriptedLanguageModel(Reply.text(sentence.repeat(40))); // 40 × ~1.7 s
        var f = new VoiceFixture(settings(true, true), "", model, "talk a lot").start();
        f.userTurn(300);
        long sentMs = f.out.all(Frame.AgentAudio.class).stream().mapToLong(a -> a.audio().length / 32).sum();
        assertThat(sentMs).isLessThanOrEqualTo(Speaking.MAX_AHEAD_MS + 2000 + 800);
        assertThat(f.speech.spoken.size()).isLessThan(40);
        f.silence(20_000);
        assertThat(f.speech.spoken.size()).isGreaterThan(25);
    }

    @Test
    void aReplyThatStartsWhileTheUserTalksAgainIsInterruptedAtOnce() {
        var model = new LateLanguageModel();
        var config = dev.timbre.agent.session.SessionConfig.of("conv_l", new dev.timbre.agent.session.AgentProfile(
                "agent_l", "Late", "", "", "en", null, java.util.List.of(), null, null, model));
        var f = new VoiceFixture(settings(true, true), config, null, "first part", "second part").start();
        f.userTurn(300);
        assertThat(model.requests).hasSize(1);
        f.speak(200); // the user goes on before the model answered

        model.answer("An answer to the first part. ", "It goes on.");
        f.loop.drain();

        int id = f.out.all(Frame.ResponsePart.class).get(0).eventId();
        assertThat(f.out.all(Frame.Interruption.class)).containsExactly(new Frame.Interruption(id));
        assertThat(f.out.audio(id)).isEmpty();
        f.silence(600);
        assertThat(f.out.userTranscripts()).containsExactly("first part", "second part");
        assertThat(model.requests).hasSize(2);
    }

    @Test
    void speechFromBeforeTheStartDoesNotInterruptTheFirstMessage() {
        var model = new ScriptedLanguageModel(Reply.text("Hello to you."));
        var f = new VoiceFixture(settings(true, true), LONG, model, "anyone there?");
        for (int i = 0; i < 15; i++) f.conversation.receive(new Frame.UserAudio(f.chunk(20, true)));
        f.start(); // the 300 ms said before the call started are replayed behind the greeting
        f.silence(600);

        assertThat(f.out.userTranscripts()).containsExactly("anyone there?");
        assertThat(f.out.all(Frame.Interruption.class)).isEmpty();
        assertThat(f.out.transcript.get(0).interrupted()).isFalse();
        assertThat(f.speech.spoken).startsWith("This is a rather long welcome message.").contains("Hello to you.");
        f.speak(200); // live speech over the greeting still barges in (on it and the reply queued behind it)
        assertThat(f.out.all(Frame.Interruption.class)).containsExactly(new Frame.Interruption(f.out.responseId("Hello to you.")));
    }
}
