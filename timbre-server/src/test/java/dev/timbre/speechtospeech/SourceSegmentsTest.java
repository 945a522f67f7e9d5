package dev.timbre.speechtospeech;

import static org.assertj.core.api.Assertions.assertThat;

import dev.timbre.audio.Pcm;
import dev.timbre.audio.PcmFormat;
import dev.timbre.engine.EngineInfo;
import dev.timbre.engine.SpeechRequest;
import dev.timbre.engine.SpeechToText;
import dev.timbre.engine.TextToSpeech;
import dev.timbre.engine.TimedSpeech;
import dev.timbre.engine.WordTiming;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A source is heard piece by piece, only as far as the conversion has got: the first audio needs only the first
 * piece's recognition, and word times come out in source time.
 */
class SourceSegmentsTest {
    /** Hears one word 0.5–0.9 s into every piece it is given; counts the pieces. */
    static class CountingRecogniser implements SpeechToText {
        int heard;

        @Override public EngineInfo info() { return new EngineInfo("counting", "test", null); }

        @Override
        public Transcript transcribe(byte[] pcm, PcmFormat format, String languageCode) {
            heard++;
            return new Transcript("word" + heard, "en", 1, List.of(new WordTiming("word" + heard, 0.5, 0.9)), null);
        }
    }

    /** Says each phrase as 0.4 s of silence at 16 kHz. */
    static final TimedSpeech SILENT_VOICE = (voice, words) ->
            new TextToSpeech.Speech(new PcmFormat(16_000), new byte[12_800], List.of(new WordTiming(words.get(0).word(), 0, 0.4)));

    /** Three 4 s pieces of noise with 1 s pauses between them. */
    static byte[] threePieces() {
        return Pcm.toBytes(PauseCutsTest.signal(4, 1, 4, 1, 4));
    }

    @Test
    void piecesAreHeardOnlyAsTheConversionReachesThem() throws Exception {
        CountingRecogniser recogniser = new CountingRecogniser();
        SourceSegments source = new SourceSegments(threePieces(), recogniser);
        assertThat(source.pieces()).isEqualTo(3);
        assertThat(source.hasSpeech()).isTrue();
        assertThat(recogniser.heard).isEqualTo(1);

        VoiceConversion conversion = new VoiceConversion(source, SILENT_VOICE, new SpeechRequest("", "v", "en", null, null), PhraseOnset.NONE);
        conversion.format();
        byte[] first = conversion.next();
        assertThat(recogniser.heard).as("the first audio needs only the first piece").isEqualTo(1);
        assertThat(first.length / 32_000.0).isCloseTo(0.9, org.assertj.core.api.Assertions.within(0.01)); // 0.5 s lead + 0.4 s phrase

        int pulls = 0;
        long bytes = first.length;
        for (byte[] b = conversion.next(); b != null; b = conversion.next()) {
            bytes += b.length;
            pulls++;
        }
        assertThat(recogniser.heard).isEqualTo(3);
        assertThat(pulls).isEqualTo(3); // two more phrases and the padding to the end
        assertThat(bytes / 32_000.0).isCloseTo(14.0, org.assertj.core.api.Assertions.within(0.01));
        assertThat(source.text()).isEqualTo("word1 word2 word3");
    }

    @Test
    void wordTimesAreInSourceTime() {
        SourceSegments source = new SourceSegments(threePieces(), new CountingRecogniser());
        List<Double> starts = new java.util.ArrayList<>();
        for (SourceSpeech piece = source.next(); piece != null; piece = source.next()) starts.add(piece.phrases().get(0).start());
        assertThat(starts).hasSize(3);
        assertThat(starts.get(0)).isCloseTo(0.5, org.assertj.core.api.Assertions.within(0.001));
        assertThat(starts.get(1)).isBetween(4.9, 5.2); // the cut is in the middle of the first pause (4.5 s) + 0.5
        assertThat(starts.get(2)).isBetween(9.9, 10.2);
    }

    @Test
    void aSourceWithNoWordsHasNoSpeech() {
        SpeechToText deaf = new CountingRecogniser() {
            @Override public Transcript transcribe(byte[] pcm, PcmFormat format, String languageCode) {
                heard++;
                return new Transcript("", "en", 1, List.of(), null);
            }
        };
        SourceSegments source = new SourceSegments(threePieces(), deaf);
        assertThat(source.hasSpeech()).isFalse();
    }
}
