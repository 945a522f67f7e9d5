package dev.timbre.agent.voice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.timbre.agent.session.SpokenChars;
import dev.timbre.audio.G711;
import dev.timbre.audio.Pcm;
import dev.timbre.audio.PcmFormat;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The small stages on their own: input decoding, sentence release, wire pieces, end of turn. */
class VoiceStagesTest {
    @Test
    void inputAudioKeepsAnOddTrailingByteAndDecodesMuLaw() {
        var pcm = new InputAudio(AudioEncoding.PCM_16000);
        byte[] two = Pcm.toBytes(new short[] {1000, -2000});
        assertThat(pcm.decode(new byte[] {two[0], two[1], two[2]})).containsExactly((short) 1000);
        assertThat(pcm.decode(new byte[] {two[3]})).containsExactly((short) -2000);

        var ulaw = new InputAudio(AudioEncoding.parse("ulaw_8000"));
        short[] tone = new short[800];
        for (int i = 0; i < tone.length; i++) tone[i] = (short) (8000 * Math.sin(2 * Math.PI * 300 * i / 8000.0));
        short[] out = ulaw.decode(G711.ulaw(Pcm.toBytes(tone)));
        assertThat(out.length).isBetween(1500, 1600); // 100 ms at 16 kHz, less the resampler's look-ahead
        int peak = 0;
        for (short s : out) peak = Math.max(peak, Math.abs(s));
        assertThat(peak).isBetween(7000, 9000);
    }

    @Test
    void sentencesAreReleasedAsSoonAsTheNextOneBegins() {
        var r = new AgentReply(1, true);
        assertThat(r.append("Hello there")).isEmpty();
        assertThat(r.append(".")).isEmpty(); // the end is seen only when the next sentence begins
        assertThat(r.append(" How are")).extracting(AgentReply.Sentence::text).containsExactly("Hello there.");
        assertThat(r.append(" you? i")).isEmpty(); // a lower-case word goes on the sentence (as "e.g. this")
        assertThat(r.append(" am. Done")).extracting(AgentReply.Sentence::text).containsExactly("How are you? i am.");
        assertThat(r.end()).extracting(AgentReply.Sentence::text).containsExactly("Done");
        assertThat(r.text()).isEqualTo("Hello there. How are you? i am. Done");
        assertThat(r.heard(7)).isEqualTo("Hello there."); // mid-word: the word being spoken counts as heard
        assertThat(r.heard(6)).isEqualTo("Hello");
        assertThat(r.heard(0)).isEmpty();
    }

    @Test
    void sentenceOffsetsPointIntoTheResponseText() {
        var r = new AgentReply(1, false);
        List<AgentReply.Sentence> all = new ArrayList<>(r.append("One.  Two!\n\nThree"));
        all.addAll(r.end());
        for (AgentReply.Sentence s : all) assertThat(r.text().substring(s.offset())).startsWith(s.text());
        assertThat(all).extracting(AgentReply.Sentence::text).containsExactly("One.", "Two!", "Three");
    }

    @Test
    void piecesAreAtMostAHundredMillisecondsWithAlignmentShiftedToEachPiece() {
        var audio = new UtteranceAudio(AudioEncoding.PCM_16000);
        SpokenChars chars = new SpokenChars(List.of("a", "b", "c"), List.of(0, 120, 250), List.of(120, 130, 50));
        List<UtteranceAudio.Piece> pieces = new ArrayList<>(audio.add(new PcmFormat(16000), new byte[300 * 32], chars));
        pieces.addAll(audio.finish());
        assertThat(pieces).hasSize(3);
        assertThat(pieces).allSatisfy(p -> assertThat(p.durationMs()).isEqualTo(100));
        assertThat(pieces.get(0).alignment().chars()).containsExactly("a");
        assertThat(pieces.get(1).alignment().chars()).containsExactly("b");
        assertThat(pieces.get(1).alignment().startMs()).containsExactly(20);
        assertThat(pieces.get(2).alignment().startMs()).containsExactly(50);
        assertThat(pieces.get(2).firstChar()).isEqualTo(2);
    }

    @Test
    void unfinishedPhrasesAreRecognised() {
        assertThat(EndOfTurn.unfinished("I want to go to the")).isTrue();
        assertThat(EndOfTurn.unfinished("coffee and,")).isTrue();
        assertThat(EndOfTurn.unfinished("um")).isTrue();
        assertThat(EndOfTurn.unfinished("I want a coffee")).isFalse();
        assertThat(EndOfTurn.unfinished("")).isFalse();
        var normal = new EndOfTurn(VoiceSettings.Eagerness.NORMAL);
        assertThat(normal.reached(260, "a coffee")).isTrue();
        assertThat(normal.reached(260, "a coffee and")).isFalse();
        assertThat(normal.reached(600, "a coffee and")).isTrue();
    }

    @Test
    void aPhoneCallersSpeechReachesTheRecogniserAtItsOwnEightKilohertz() {
        var worker = new SerialWorker(Runnable::run);
        var loop = new dev.timbre.agent.session.ManualLoop();
        var stt = new ScriptedSpeechToText("hello");
        var phone = new Recognition(stt, "en", 8000, worker, loop);
        for (int i = 0; i < 10; i++) phone.accept(new short[1600]); // 1 s at 16 kHz
        String[] result = new String[1];
        phone.finish(t -> result[0] = t);
        var wide = new Recognition(stt, "en", 48000, worker, loop);
        wide.accept(new short[1600]);
        wide.finish(t -> { });
        loop.drain();
        assertThat(result[0]).isEqualTo("hello");
        assertThat(stt.formats).containsExactly(new PcmFormat(8000), new PcmFormat(16000));
        assertThat(stt.bytesPerStream.get(0)[0]).isEqualTo(2 * 8000); // every sample, at 8 kHz, resampler tail included
        assertThat(stt.bytesPerStream.get(1)[0]).isEqualTo(2 * 1600);
    }

    @Test
    void recognitionThatFallsBehindDropsTheUtteranceInsteadOfQueueingWithoutBound() {
        List<Runnable> parked = new ArrayList<>(); // the engine's thread never gets to run
        var worker = new SerialWorker(parked::add);
        var loop = new dev.timbre.agent.session.ManualLoop();
        var stt = new ScriptedSpeechToText("lost words");
        var r = new Recognition(stt, "en", 16000, worker, loop);
        for (int i = 0; i < 5 * Recognition.MAX_BACKLOG; i++) r.accept(new short[512]);
        r.partial(t -> { throw new AssertionError("no partial of a dropped utterance"); });
        assertThat(worker.backlog()).isLessThanOrEqualTo(Recognition.MAX_BACKLOG + 1);

        String[] result = new String[1];
        r.finish(t -> result[0] = t);
        List.copyOf(parked).forEach(Runnable::run);
        loop.drain();
        assertThat(result[0]).isEmpty();
        assertThat(stt.closed).isEqualTo(1);
        assertThat(stt.bytesPerStream.get(0)[0]).isLessThan(Recognition.MAX_BACKLOG * 1024L);
    }
}
