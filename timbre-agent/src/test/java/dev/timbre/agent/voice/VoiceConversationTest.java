package dev.timbre.agent.voice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.timbre.agent.session.Frame;
import dev.timbre.agent.session.ScriptedLanguageModel;
import dev.timbre.agent.session.ScriptedLanguageModel.Reply;
import dev.timbre.agent.transcript.TranscriptEntry;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Audio in → transcript → agent reply → audio out, in each wire encoding. */
class VoiceConversationTest {
    private static VoiceSettings plain(String in, String out) {
        return VoiceFixture.settings(AudioEncoding.parse(in), AudioEncoding.parse(out), VoiceSettings.Eagerness.NORMAL,
                null, true, true);
    }

    @ParameterizedTest
    @CsvSource({"pcm_16000, pcm_16000, 32", "pcm_16000, pcm_44100, 88.2", "ulaw_8000, ulaw_8000, 8", "pcm_48000, pcm_22050, 44.1"})
    void audioBecomesATranscriptAndTheReplyIsSpokenInTheOutputEncoding(String in, String outFormat, double bytesPerMs) {
        var model = new ScriptedLanguageModel(Reply.text("Hi there. ", "How can I help?"));
        var f = new VoiceFixture(plain(in, outFormat), "", model, "hello agent").start();

        f.userTurn(600);

        assertThat(f.out.userTranscripts()).containsExactly("hello agent");
        assertThat(f.out.all(Frame.TentativeUserTranscript.class)).extracting(Frame.TentativeUserTranscript::text).contains("hello agent");
        assertThat(f.out.all(Frame.VadScore.class)).isNotEmpty().allSatisfy(v -> assertThat(v.score()).isBetween(0.0, 1.0));
        assertThat(model.requests.get(0).messages()).last().satisfies(m -> assertThat(m.content()).isEqualTo("hello agent"));
        int id = f.out.responseId("Hi there. How can I help?");
        assertThat(f.speech.spoken).containsExactly("Hi there.", "How can I help?");
        assertThat(f.out.alignedText(id)).isEqualTo("Hi there.How can I help?");
        // 24 characters of 20 ms each, resampled from 22.05 kHz to the output rate (and μ-law: one byte a sample)
        assertThat(f.out.audioBytes(id)).isEqualTo((int) Math.round(24 * 20 * bytesPerMs));
        AudioEncoding out = AudioEncoding.parse(outFormat);
        assertThat(f.out.audio(id)).allSatisfy(a -> assertThat(a.audio().length).isLessThanOrEqualTo(out.bytesPerSecond() / 10));
        // alignment times are relative to their chunk
        assertThat(f.out.audio(id)).allSatisfy(a -> a.alignment().startMs().forEach(ms -> assertThat(ms).isBetween(0, 100)));
        TranscriptEntry user = f.out.transcript.stream().filter(e -> e.role().equals("user")).findFirst().orElseThrow();
        assertThat(user.sourceMedium()).isEqualTo("audio");
        // 16 kHz for the recording (a resampled input lags by the filter's look-ahead)
        assertThat((double) f.out.userSamples).isCloseTo(16 * (600 + 800), org.assertj.core.data.Offset.offset(64.0));
    }

    @Test
    void theFirstMessageIsSpokenAndRecordedAsPlayed() {
        var f = new VoiceFixture(plain("pcm_16000", "pcm_16000"), "Welcome to Timbre.", new ScriptedLanguageModel()).start();

        int id = f.out.responseId("Welcome to Timbre.");
        assertThat(f.out.alignedText(id)).isEqualTo("Welcome to Timbre.");
        assertThat(f.out.audioBytes(id)).isEqualTo(18 * 20 * 32);
        assertThat(f.out.agentRecordedSamples()).isZero(); // nothing has been played yet
        f.silence(220); // played chunks are recorded as time goes by (here: when user audio arrives at 200 ms)
        assertThat(f.out.agentRecordedSamples()).isEqualTo(200 * 16);
        f.silence(400);
        assertThat(f.out.agentRecordedSamples()).isEqualTo(18 * 20 * 16);
        assertThat(f.out.agentRecording.get(0)[1]).isZero();
        assertThat(f.out.agentRecording.get(1)[1]).isEqualTo(100);
    }

    @Test
    void speechStartsWithTheFirstSentenceWhileTheModelIsStillWriting() {
        var model = new ScriptedLanguageModel(Reply.hang("First sentence. ", "Second one. ", "Third and"));
        var f = new VoiceFixture(plain("pcm_16000", "pcm_16000"), "", model, "tell me").start();

        f.userTurn(400);

        assertThat(f.out.all(Frame.AgentResponse.class)).isEmpty();
        int id = f.out.all(Frame.ResponsePart.class).get(0).eventId();
        assertThat(f.speech.spoken).containsExactly("First sentence.", "Second one.");
        assertThat(f.out.alignedText(id)).isEqualTo("First sentence.Second one.");
        List<String> kinds = f.out.kinds();
        assertThat(kinds.indexOf("AgentAudio")).isGreaterThan(kinds.indexOf("ResponsePart"));
    }

    @Test
    void aStreamedResponseIsNotSpokenTwiceAndABareOneIsSpokenWhole() {
        var model = new ScriptedLanguageModel(Reply.text("One. ", "Two."));
        var f = new VoiceFixture(plain("pcm_16000", "pcm_16000"), "Hello.", model, "hi").start();
        f.userTurn(400);
        assertThat(f.speech.spoken).containsExactly("Hello.", "One.", "Two.");
    }

    @Test
    void emptyTranscriptsMakeNoTurn() {
        var model = new ScriptedLanguageModel(Reply.text("Should not be said."));
        var f = new VoiceFixture(plain("pcm_16000", "pcm_16000"), "", model, "").start();
        f.userTurn(400);
        assertThat(f.out.userTranscripts()).isEmpty();
        assertThat(model.requests).isEmpty();
        assertThat(f.out.latencies).isEmpty();
    }

    @Test
    void audioBeforeTheStartWaitsAndAudioAfterTheEndIsIgnored() {
        var model = new ScriptedLanguageModel(Reply.text("Got it."));
        var f = new VoiceFixture(plain("pcm_16000", "pcm_16000"), "", model, "early bird");
        for (int i = 0; i < 30; i++) f.conversation.receive(new Frame.UserAudio(f.chunk(20, true)));
        f.conversation.receive(new Frame.UserAudio(f.chunk(20, false)));
        f.loop.drain();
        assertThat(f.out.userSamples).isZero();
        f.start();
        assertThat(f.out.userSamples).isEqualTo(31 * 320);
        f.silence(600);
        assertThat(f.out.userTranscripts()).containsExactly("early bird");

        f.conversation.hangUp("Client disconnected: 1000", 1000);
        f.loop.drain();
        assertThat(f.out.end).isNotNull();
        long before = f.out.userSamples;
        f.conversation.receive(new Frame.UserAudio(f.chunk(20, true)));
        f.loop.drain();
        assertThat(f.out.userSamples).isEqualTo(before);
        assertThat(f.vad.closed).isTrue();
    }
}
