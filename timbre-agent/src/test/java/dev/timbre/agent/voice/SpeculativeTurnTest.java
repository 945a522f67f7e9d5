package dev.timbre.agent.voice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.timbre.agent.session.Frame;
import dev.timbre.agent.session.ScriptedLanguageModel;
import dev.timbre.agent.session.ScriptedLanguageModel.Reply;
import dev.timbre.agent.transcript.TranscriptEntry;
import dev.timbre.engine.ChatMessage;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code speculative_turn}: the LLM starts during the end-of-turn silence; its reply is held until the turn ends. */
class SpeculativeTurnTest {
    private static VoiceSettings speculative(boolean on) {
        return new VoiceSettings(null, null, "en", List.of(), null, VoiceSettings.Eagerness.NORMAL, on, null, List.of(),
                true, true);
    }

    @Test
    void theReplyStartsEarlyAndIsReleasedWhenTheTranscriptMatches() {
        var model = new ScriptedLanguageModel(Reply.text("A table for two."));
        var f = new VoiceFixture(speculative(true), "", model, "book a table").start();
        f.speak(400);
        f.silence(180);
        assertThat(model.requests).hasSize(1); // started midway through the 250 ms silence
        assertThat(f.out.frames).noneMatch(o -> o instanceof Frame.ResponsePart || o instanceof Frame.AgentResponse);
        assertThat(f.out.transcript).isEmpty();

        f.silence(300);

        assertThat(f.out.userTranscripts()).containsExactly("book a table");
        List<String> kinds = f.out.kinds();
        assertThat(kinds.indexOf("UserTranscript")).isLessThan(kinds.indexOf("ResponsePart"));
        assertThat(f.out.responses()).containsExactly("A table for two.");
        assertThat(f.out.alignedText(f.out.responseId("A table for two."))).isEqualTo("A table for two.");
        assertThat(f.out.transcript).extracting(TranscriptEntry::role).containsExactly("user", "agent");
        assertThat(model.requests).hasSize(1);
        assertThat(f.out.latencies).hasSize(1);
        assertThat(f.out.latencies.get(0).firstAudioSentMs()).isNotNull();
    }

    @Test
    void anEarlyReplyLeavesNoTraceWhenTheUserGoesOn() {
        var model = new ScriptedLanguageModel(Reply.text("Too early."), Reply.text("Right answer."));
        var f = new VoiceFixture(speculative(true), "", model, "book a table").start();
        f.speak(400);
        f.silence(180);
        assertThat(model.requests).hasSize(1);
        f.speak(300); // the user goes on
        f.silence(500);

        assertThat(f.out.responses()).containsExactly("Right answer.");
        assertThat(f.speech.spoken).containsExactly("Too early.", "Right answer."); // synthesised early, never sent
        assertThat(f.out.all(Frame.AgentAudio.class)).allMatch(a -> a.eventId() == f.out.responseId("Right answer."));
        assertThat(f.out.transcript).extracting(TranscriptEntry::message).containsExactly("book a table", "Right answer.");
        assertThat(model.requests.get(1).messages()).filteredOn(m -> m.role() == ChatMessage.Role.ASSISTANT).isEmpty();
        assertThat(model.requests.get(1).messages()).filteredOn(m -> m.role() == ChatMessage.Role.USER).hasSize(1);
    }

    @Test
    void aFinalTranscriptThatDiffersDiscardsTheEarlyReply() {
        var model = new ScriptedLanguageModel(Reply.text("Guess."), Reply.text("Answer."));
        var f = new VoiceFixture(speculative(true), "", model, "book a|book a table").start();
        f.userTurn(400);
        assertThat(model.requests).hasSize(2);
        assertThat(model.requests.get(0).messages()).last().satisfies(m -> assertThat(m.content()).isEqualTo("book a"));
        assertThat(f.out.responses()).containsExactly("Answer.");
        assertThat(f.out.transcript).extracting(TranscriptEntry::message).containsExactly("book a table", "Answer.");
    }

    @Test
    void offByDefault() {
        var model = new ScriptedLanguageModel(Reply.text("Okay."));
        var f = new VoiceFixture(speculative(false), "", model, "book a table").start();
        f.speak(400);
        f.silence(180);
        assertThat(model.requests).isEmpty();
    }
}
