package dev.timbre.agent.voice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.timbre.agent.session.Frame;
import dev.timbre.agent.session.ScriptedLanguageModel.Reply;
import dev.timbre.agent.session.ScriptedLanguageModel;
import dev.timbre.agent.session.SpokenChars;
import dev.timbre.agent.transcript.TranscriptEntry;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code speculative_turn} with speech: the early reply is synthesised during the end-of-turn silence, its audio held
 * back until the final transcript confirms the turn, then sent at once (playback, heard text and recording from the
 * release); a dropped reply's synthesis is cancelled and nothing of it is sent or recorded.
 */
class SpeculativeSpeechTest {
    private static final VoiceSettings SPECULATIVE = new VoiceSettings(null, null, "en", List.of(), null,
            VoiceSettings.Eagerness.NORMAL, true, null, List.of(), true, true);

    @Test
    void speechIsSynthesisedEarlyAndSentAtTheConfirmation() {
        var model = new ScriptedLanguageModel(Reply.text("A table for two."));
        var f = new VoiceFixture(SPECULATIVE, "", model, "book a table").start();
        f.speak(400);
        f.silence(180);
        assertThat(f.speech.spoken).containsExactly("A table for two."); // before the end of turn
        assertThat(f.out.all(Frame.AgentAudio.class)).isEmpty();
        assertThat(f.out.agentRecording).isEmpty();

        f.silence(300);

        int id = f.out.responseId("A table for two.");
        assertThat(f.out.alignedText(id)).isEqualTo("A table for two.");
        List<String> kinds = f.out.kinds();
        assertThat(kinds.indexOf("UserTranscript")).isLessThan(kinds.indexOf("ResponsePart"));
        assertThat(kinds.indexOf("ResponsePart")).isLessThan(kinds.indexOf("AgentAudio"));
        TurnLatency l = f.out.latencies.get(0);
        assertThat(l.agentEventId()).isEqualTo(id);
        assertThat(l.firstAudioSentMs()).isEqualTo(l.vadEndMs()); // the audio was ready: sent at the release
        assertThat(l.ttsFirstAudioMs()).isEqualTo(l.vadEndMs());
        assertThat(f.out.transcript).extracting(TranscriptEntry::message).containsExactly("book a table", "A table for two.");
        assertThat(f.speech.spoken).hasSize(1);
    }

    @Test
    void aDroppedReplyIsCancelledAndNothingOfItIsSentOrRecorded() {
        var model = new ScriptedLanguageModel(Reply.text("Too early."), Reply.text("Right answer."));
        var f = new VoiceFixture(SPECULATIVE, "", model, "book a table").start();
        f.speech.hold = true; // synthesis of the early reply is still running when the user goes on
        f.speak(400);
        f.silence(180);
        assertThat(f.speech.spoken).containsExactly("Too early.");
        f.speak(300);
        assertThat(f.speech.cancelled).isEqualTo(1);
        f.speech.releaseAll(); // the engine's late callbacks change nothing
        f.speech.hold = false;
        f.silence(500);
        f.wait(2000);

        int id = f.out.responseId("Right answer.");
        assertThat(f.out.all(Frame.AgentAudio.class)).isNotEmpty().allMatch(a -> a.eventId() == id);
        assertThat(f.out.alignedText(id)).isEqualTo("Right answer.");
        // only the right answer's audio is recorded (13 characters at 20 ms), none of the dropped one's
        assertThat(f.out.agentRecordedSamples()).isPositive().isLessThanOrEqualTo(13L * 20 * 16 + 200);
        assertThat(f.out.all(Frame.Interruption.class)).isEmpty();
    }

    @Test
    void playbackOfReleasedAudioCountsFromTheRelease() {
        String reply = "I am on it so do not go away now please.";
        var model = new ScriptedLanguageModel(Reply.text(reply), Reply.text("Okay."));
        var f = new VoiceFixture(SPECULATIVE, "", model, "book a table", "stop").start();
        f.speak(400);
        f.silence(180); // synthesised by now, at 580 ms
        assertThat(f.speech.spoken).containsExactly(reply);
        for (int t = 0; t < 600 && f.out.all(Frame.AgentAudio.class).isEmpty(); t += VoiceFixture.CHUNK_MS) {
            f.silence(VoiceFixture.CHUNK_MS); // until the end of turn releases the audio
        }
        assertThat(f.out.all(Frame.AgentAudio.class)).isNotEmpty();
        f.speak(200); // barge-in about 100 ms after the release

        Frame.ResponseCorrection c = f.out.all(Frame.ResponseCorrection.class).get(0);
        assertThat(c.eventId()).isEqualTo(f.out.responseId(reply));
        assertThat(c.corrected().length()).isLessThan(10); // "I am on" (from the release); from the synthesis: "I am on it so"
        assertThat(f.out.agentRecording).isNotEmpty().allMatch(r -> r[1] > 580);
        assertThat(f.out.agentRecordedSamples()).isLessThan(200L * 16);
    }

    @Test
    void aTypedMessageDuringTheSpeculationDropsTheEarlySpeech() {
        var model = new ScriptedLanguageModel(Reply.text("Too early."), Reply.text("Typed answer."));
        var f = new VoiceFixture(SPECULATIVE, "", model, "book a table").start();
        f.speech.hold = true;
        f.speak(400);
        f.silence(180);
        f.speech.hold = false;
        f.conversation.receive(new Frame.UserText("hold on"));
        f.loop.drain();
        f.wait(2000);

        assertThat(f.speech.cancelled).isEqualTo(1);
        assertThat(f.out.responses()).doesNotContain("Too early.");
        assertThat(f.out.all(Frame.ResponsePart.class)).extracting(Frame.ResponsePart::text).doesNotContain("Too early.");
        assertThat(model.requests.get(1).messages()).last().satisfies(m -> assertThat(m.content()).isEqualTo("hold on"));
        // audio only for replies the client was shown
        var shown = f.out.all(Frame.ResponsePart.class).stream().map(Frame.ResponsePart::eventId).toList();
        assertThat(f.out.all(Frame.AgentAudio.class)).allMatch(a -> shown.contains(a.eventId()));
    }

    @Test
    void heldAudioPastTheLimitSpoilsTheSpeculation() {
        var held = new SpeculativeTurn("hello");
        var reply = new AgentReply(1, true);
        var second = new UtteranceAudio.Piece(new byte[0], new short[0], 1000, new SpokenChars(List.of(), List.of(), List.of()), 0);
        var huge = new UtteranceAudio.Piece(new byte[0], new short[0], (int) SpeculativeTurn.MAX_AUDIO_MS, second.alignment(), 0);
        held.add(reply, second, 0);
        assertThat(held.audioMs()).isEqualTo(1000);
        held.add(reply, huge, 0);
        assertThat(held.audioSpoiled()).isTrue();
        assertThat(held.audio()).isEmpty();
        held.add(reply, second, 0);
        assertThat(held.audio()).isEmpty();
        assertThat(held.matches("hello")).as("a spoiled turn can only be retracted").isFalse();
    }
}
