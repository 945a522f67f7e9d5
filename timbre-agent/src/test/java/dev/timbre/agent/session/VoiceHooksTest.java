package dev.timbre.agent.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.timbre.agent.session.ScriptedLanguageModel.Reply;
import dev.timbre.agent.transcript.TranscriptEntry;
import dev.timbre.engine.ChatMessage;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the session does for the voice layer: playback cuts, spoken user text, turn metrics, re-engagement. */
class VoiceHooksTest {
    private static SessionFixture with(ScriptedLanguageModel model) {
        return SessionFixture.started(SessionConfig.of("conv_h", SessionFixture.agent(model, "Be brief.", "")));
    }

    @Test
    void aPlaybackCutShortensTheEntryAndTheHistoryAndSendsACorrection() {
        var model = new ScriptedLanguageModel(Reply.text("Hello there, how are you today?"), Reply.text("Fine."));
        var f = with(model);
        f.say("hi");
        int id = f.out.all(Frame.AgentResponse.class).get(0).eventId();

        f.session.receive(new Frame.PlaybackCut(id, "Hello there,"));
        f.loop.drain();

        assertThat(f.out.all(Frame.ResponseCorrection.class))
                .containsExactly(new Frame.ResponseCorrection(id, "Hello there, how are you today?", "Hello there,"));
        TranscriptEntry e = f.out.transcript.get(1);
        assertThat(e.message()).isEqualTo("Hello there,");
        assertThat(e.interrupted()).isTrue();
        assertThat(e.originalMessage()).isEqualTo("Hello there, how are you today?");
        f.say("and?");
        assertThat(model.requests.get(1).messages()).filteredOn(m -> m.role() == ChatMessage.Role.ASSISTANT)
                .extracting(ChatMessage::content).containsExactly("Hello there,");
    }

    @Test
    void aPlaybackCutStopsAReplyStillStreaming() {
        var model = new ScriptedLanguageModel(Reply.hang("Part one. ", "part two"));
        var f = with(model);
        f.say("go");
        int id = f.out.all(Frame.ResponsePart.class).get(0).eventId();

        f.session.receive(new Frame.PlaybackCut(id, "Part one."));
        f.loop.drain();

        assertThat(model.closed).containsExactly(true);
        assertThat(f.out.all(Frame.ResponsePart.class)).last().satisfies(p -> assertThat(p.type()).isEqualTo(Frame.ResponsePart.PartType.STOP));
        assertThat(f.out.all(Frame.ResponseCorrection.class))
                .containsExactly(new Frame.ResponseCorrection(id, "Part one. part two", "Part one."));
        assertThat(f.out.transcript.get(1).originalMessage()).isEqualTo("Part one. part two");
    }

    @Test
    void aCutOfEverythingThatWasSaidChangesNothing() {
        var f = with(new ScriptedLanguageModel(Reply.text("All of it.")));
        f.say("hi");
        int id = f.out.all(Frame.AgentResponse.class).get(0).eventId();
        f.session.receive(new Frame.PlaybackCut(id, "All of it."));
        f.loop.drain();
        assertThat(f.out.all(Frame.ResponseCorrection.class)).isEmpty();
        assertThat(f.out.transcript.get(1).interrupted()).isFalse();
    }

    @Test
    void spokenUserTextIsMarkedAudio() {
        var f = with(new ScriptedLanguageModel(Reply.text("A."), Reply.text("B.")));
        f.session.receive(new Frame.UserText("spoken", "audio"));
        f.loop.drain();
        f.say("typed");
        assertThat(f.out.transcript).filteredOn(e -> e.role().equals("user")).extracting(TranscriptEntry::sourceMedium)
                .containsExactly("audio", "text");
    }

    @Test
    void turnMetricsWaitForTheirEntry() {
        var model = new ScriptedLanguageModel(Reply.hang("Streaming"));
        var f = with(model);
        f.say("hi");
        int id = f.out.all(Frame.ResponsePart.class).get(0).eventId();
        f.session.voice().attachTurnMetrics(id, Map.of("convai_first_audio", 0.4));
        f.session.receive(new Frame.UserText("again"));
        f.loop.drain();
        assertThat(f.out.transcript.get(1).turnMetrics()).containsEntry("convai_first_audio", 0.4);
    }

    @Test
    void reengageAsksTheModelWithANoteThatIsNotKept() {
        var model = new ScriptedLanguageModel(Reply.text("Still there?"), Reply.text("Good."));
        var f = with(model);
        f.session.voice().reengage(Duration.ofSeconds(7));
        f.loop.drain();
        assertThat(f.out.responses()).containsExactly("Still there?");
        assertThat(model.requests.get(0).messages()).last().satisfies(m -> assertThat(m.content()).contains("silent for 7 seconds"));
        f.say("yes");
        assertThat(model.requests.get(1).messages()).noneMatch(m -> m.content() != null && m.content().contains("silent"));
    }
}
