package dev.timbre.agent.voice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.timbre.agent.session.Frame;
import dev.timbre.agent.session.ScriptedLanguageModel;
import dev.timbre.agent.session.ScriptedLanguageModel.Reply;
import dev.timbre.agent.session.SessionConfig;
import dev.timbre.agent.transcript.TranscriptEntry;
import dev.timbre.audio.VoiceLikeTone;
import dev.timbre.engine.ChatMessage;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** End of turn, turn timers and latency, in audio time on a virtual clock. */
class VoiceTurnTakingTest {
    private static VoiceSettings eagerness(VoiceSettings.Eagerness e) {
        return VoiceFixture.settings(null, null, e, null, true, true);
    }

    /** Silence (ms, in 20 ms steps) after which the user's turn ended. */
    private static int silenceUntilTurnEnds(VoiceFixture f) {
        f.speak(500);
        for (int ms = 20; ms <= 2000; ms += 20) {
            f.silence(20);
            if (!f.out.userTranscripts().isEmpty()) return ms;
        }
        return -1;
    }

    @ParameterizedTest
    @CsvSource({"EAGER, 150", "NORMAL, 250", "PATIENT, 600"})
    void eagernessSetsTheSilenceThatEndsATurn(VoiceSettings.Eagerness e, int thresholdMs) {
        var f = new VoiceFixture(eagerness(e), "", new ScriptedLanguageModel(Reply.text("Okay.")), "book a table").start();
        int silence = silenceUntilTurnEnds(f);
        // decided on the 32 ms VAD frame that completes the silence
        assertThat(silence).isBetween(thresholdMs, thresholdMs + 32 + 20);
    }

    @Test
    void aFinishedSentenceSaidWithAFallingVoiceEndsAnEagerTurnAfterTheQuickSilence() {
        var f = new VoiceFixture(eagerness(VoiceSettings.Eagerness.EAGER), "", new ScriptedLanguageModel(Reply.text("Okay.")),
                "book a table for two").start();
        short[] voice = VoiceLikeTone.glide(640, 190, 140);
        for (int at = 0; at < voice.length; at += 320) {
            f.conversation.receive(new Frame.UserAudio(dev.timbre.audio.Pcm.toBytes(java.util.Arrays.copyOfRange(voice, at, at + 320))));
            f.wait(20);
        }
        int silence = -1;
        for (int ms = 20; ms <= 2000 && silence < 0; ms += 20) {
            f.silence(20);
            if (!f.out.userTranscripts().isEmpty()) silence = ms;
        }
        // two hypotheses asked in the silence agree by the third 32 ms frame; the flat tone of the test above takes the eagerness time
        assertThat(silence).isBetween(EndOfTurn.EAGER_QUICK_MS, EndOfTurn.EAGER_QUICK_MS + 32 + 20);
    }

    @Test
    void anUnfinishedPhraseWaitsThePatientTime() {
        var f = new VoiceFixture(eagerness(VoiceSettings.Eagerness.EAGER), "", new ScriptedLanguageModel(Reply.text("Okay.")),
                "I would like to book a table and").start();
        int silence = silenceUntilTurnEnds(f);
        assertThat(silence).isBetween(EndOfTurn.PATIENT_MS, EndOfTurn.PATIENT_MS + 52);
    }

    @Test
    void audioFasterThanRealTimeGivesTheSameTurn() {
        var f = new VoiceFixture(eagerness(VoiceSettings.Eagerness.NORMAL), "", new ScriptedLanguageModel(Reply.text("Okay.")),
                "fast talker").start();
        for (int i = 0; i < 25; i++) f.conversation.receive(new Frame.UserAudio(f.chunk(20, true)));
        for (int i = 0; i < 10; i++) f.conversation.receive(new Frame.UserAudio(f.chunk(20, false)));
        f.loop.drain(); // no loop time passes at all
        assertThat(f.out.userTranscripts()).isEmpty(); // 200 ms of silence is not enough
        for (int i = 0; i < 5; i++) f.conversation.receive(new Frame.UserAudio(f.chunk(20, false)));
        f.loop.drain();
        assertThat(f.out.userTranscripts()).containsExactly("fast talker");
    }

    @Test
    void aVeryLongUtteranceIsCutAtSixtySeconds() {
        var f = new VoiceFixture(eagerness(VoiceSettings.Eagerness.NORMAL), "", new ScriptedLanguageModel(Reply.text("Okay.")),
                "a monologue", "the rest").start();
        byte[] voiced = f.chunk(1000, true);
        for (int s = 0; s < 59; s++) f.conversation.receive(new Frame.UserAudio(voiced));
        f.loop.drain();
        assertThat(f.out.userTranscripts()).isEmpty();
        f.conversation.receive(new Frame.UserAudio(voiced));
        f.conversation.receive(new Frame.UserAudio(voiced));
        f.loop.drain();
        assertThat(f.out.userTranscripts()).containsExactly("a monologue");
        // the recogniser got at most 60 s of audio (plus one frame)
        assertThat(f.stt.bytesPerStream.get(0)[0]).isLessThanOrEqualTo(60 * 32000 + 1024);
    }

    @Test
    void latencyIsMeasuredFromTheLastVoicedFrameAndPutOnTheReply() {
        var f = new VoiceFixture(eagerness(VoiceSettings.Eagerness.NORMAL), "", new ScriptedLanguageModel(Reply.text("Sure thing.")),
                "what time is it").start();
        f.userTurn(500);

        assertThat(f.out.latencies).hasSize(1);
        TurnLatency l = f.out.latencies.get(0);
        int id = f.out.responseId("Sure thing.");
        assertThat(l.agentEventId()).isEqualTo(id);
        assertThat(l.vadEndMs()).isBetween(250L, 320L);
        assertThat(l.transcriptFinalMs()).isGreaterThanOrEqualTo(l.vadEndMs());
        assertThat(l.llmFirstTokenMs()).isGreaterThanOrEqualTo(l.transcriptFinalMs());
        assertThat(l.ttsFirstAudioMs()).isGreaterThanOrEqualTo(l.llmFirstTokenMs());
        assertThat(l.firstAudioSentMs()).isGreaterThanOrEqualTo(l.ttsFirstAudioMs());
        TranscriptEntry reply = f.out.transcript.stream().filter(e -> "Sure thing.".equals(e.message())).findFirst().orElseThrow();
        assertThat(reply.turnMetrics()).containsOnlyKeys("convai_vad_end", "convai_asr_trailing_service_latency",
                "convai_llm_service_ttfb", "convai_tts_service_ttfb", "convai_first_audio");
        assertThat(reply.turnMetrics().get("convai_vad_end")).isEqualTo(l.vadEndMs() / 1000.0);
        assertThat(reply.turnMetrics().get("convai_first_audio")).isEqualTo(l.firstAudioSentMs() / 1000.0);
    }

    @Test
    void aReplyStillBeingSynthesisedWhenTheClientLeavesKeepsItsMetricsInTheStoredTranscript() {
        var f = new VoiceFixture(eagerness(VoiceSettings.Eagerness.NORMAL), "", new ScriptedLanguageModel(Reply.text("Sure thing.")),
                "what time is it").start();
        f.speech.hold = true; // the reply's text is out, its audio is not
        f.userTurn(500);
        assertThat(f.out.responseId("Sure thing.")).isPositive();
        f.conversation.hangUp("Client disconnected.", 1000);
        f.loop.drain();

        assertThat(f.out.end).isNotNull();
        TranscriptEntry reply = f.out.end.transcript().stream().filter(e -> "Sure thing.".equals(e.message())).findFirst().orElseThrow();
        assertThat(reply.turnMetrics()).containsKeys("convai_vad_end", "convai_asr_trailing_service_latency", "convai_llm_service_ttfb")
                .doesNotContainKey("convai_first_audio");
    }

    @Test
    void aSlowModelIsMeasuredOnTheLoopClock() {
        var model = new ScriptedLanguageModel(Reply.hang(new String[0]));
        var f = new VoiceFixture(eagerness(VoiceSettings.Eagerness.NORMAL), "", model, "slow please").start();
        f.userTurn(400);
        assertThat(f.out.latencies).isEmpty(); // no reply yet
        f.speak(400); // the user goes on: the unanswered turn is reported without audio
        f.silence(400);
        assertThat(f.out.latencies).hasSize(1);
        assertThat(f.out.latencies.get(0).firstAudioSentMs()).isNull();
        assertThat(f.out.latencies.get(0).transcriptFinalMs()).isNotNull();
    }

    @Test
    void turnTimeoutReengagesASilentUserAfterTheAgentFinishedSpeaking() {
        var settings = VoiceFixture.settings(null, null, VoiceSettings.Eagerness.NORMAL, Duration.ofSeconds(3), true, true);
        var model = new ScriptedLanguageModel(Reply.text("Are you still there?"));
        var f = new VoiceFixture(settings, "Hello.", model, "").start(); // 120 ms of speech
        f.wait(3000);
        assertThat(model.requests).isEmpty(); // 3 s from the end of playback, not from sending
        f.conversation.receive(new Frame.UserActivity()); // resets the countdown
        f.wait(2900);
        assertThat(model.requests).isEmpty();
        f.wait(200);
        assertThat(model.requests).hasSize(1);
        ChatMessage note = model.requests.get(0).messages().get(model.requests.get(0).messages().size() - 1);
        assertThat(note.role()).isEqualTo(ChatMessage.Role.SYSTEM);
        assertThat(note.content()).contains("silent for 3 seconds");
        assertThat(f.speech.spoken).containsExactly("Hello.", "Are you still there?");
    }

    @Test
    void userActivityWhileTheAgentIsStillAudibleCountsTheTurnTimeoutFromTheEndOfPlayback() {
        var settings = VoiceFixture.settings(null, null, VoiceSettings.Eagerness.NORMAL, Duration.ofSeconds(1), true, true);
        var model = new ScriptedLanguageModel(Reply.text("Still there?"));
        var f = new VoiceFixture(settings, "Hello there, this greeting lasts a while.", model, "").start(); // 820 ms
        f.wait(300);
        f.conversation.receive(new Frame.UserActivity());
        f.wait(1400); // 1.7 s: the greeting ended 0.9 s ago
        assertThat(model.requests).isEmpty();
        f.wait(200);
        assertThat(model.requests).hasSize(1);
    }

    @Test
    void userSpeechCancelsTheTurnTimeoutAndResetsTheIdleTimer() {
        var settings = VoiceFixture.settings(null, null, VoiceSettings.Eagerness.NORMAL, Duration.ofSeconds(2), true, true);
        var model = new ScriptedLanguageModel();
        var config = SessionConfig.of("conv_i", VoiceFixture.agent(model, "Hi.")).withIdleTimeout(Duration.ofSeconds(3));
        var f = new VoiceFixture(settings, config, model, "").start();
        f.silence(1500);
        f.speak(300); // an empty transcript: no turn, but the user is there
        f.silence(1000);
        assertThat(model.requests).isEmpty();
        assertThat(f.out.end).isNull();
        f.wait(1500); // 2 s after the end of the user's speech: the turn timeout asks the model
        assertThat(model.requests).hasSize(1);
        f.wait(3000);
        assertThat(f.out.end).isNotNull();
    }

    @Test
    void softTimeoutSpeaksAFillerOncePerTurnWhileTheModelIsSilent() {
        var settings = new VoiceSettings(null, null, "en", List.of(), null, VoiceSettings.Eagerness.NORMAL, false,
                Duration.ofSeconds(1), List.of("Hmm, one moment."), true, true);
        var model = new ScriptedLanguageModel(Reply.hang(new String[0]));
        var f = new VoiceFixture(settings, "", model, "a hard question").start();
        f.speak(400);
        f.silence(300);
        assertThat(f.out.responses()).isEmpty();
        f.wait(1000);
        assertThat(f.out.responses()).containsExactly("Hmm, one moment.");
        assertThat(f.out.audio(f.out.responseId("Hmm, one moment."))).isNotEmpty();
        f.wait(3000);
        assertThat(f.out.responses()).containsExactly("Hmm, one moment.");
    }

    @Test
    void noFillerWhenTheModelAnswersInTime() {
        var settings = new VoiceSettings(null, null, "en", List.of(), null, VoiceSettings.Eagerness.NORMAL, false,
                Duration.ofSeconds(1), List.of("Hmm, one moment."), true, true);
        var f = new VoiceFixture(settings, "", new ScriptedLanguageModel(Reply.text("Quick answer.")), "easy").start();
        f.userTurn(400);
        f.wait(2000);
        assertThat(f.out.responses()).containsExactly("Quick answer.");
    }
}
