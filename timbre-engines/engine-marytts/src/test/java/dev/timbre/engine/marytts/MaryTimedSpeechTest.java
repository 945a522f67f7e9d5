package dev.timbre.engine.marytts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import dev.timbre.audio.PitchTracker;
import dev.timbre.audio.Pcm;
import dev.timbre.engine.SpeechRequest;
import dev.timbre.engine.TextToSpeech.Speech;
import dev.timbre.engine.TimedSpeech.TimedWord;
import dev.timbre.engine.VoiceTuning;
import dev.timbre.engine.WordTiming;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Words spoken at target times and pitches: the durations and the pitch contour reach the audio. */
class MaryTimedSpeechTest {
    static final String BASE = SharedEngine.ENGINE.voices().get(0).id();
    static final SpeechRequest VOICE = new SpeechRequest("", BASE, "en", VoiceTuning.DEFAULT, null);

    @Test
    void each_word_lasts_its_target() throws Exception {
        List<TimedWord> words = List.of(new TimedWord("the", 1.0, 1.3, Double.NaN), new TimedWord("weather", 1.3, 2.1, Double.NaN),
                new TimedWord("is", 2.1, 2.3, Double.NaN), new TimedWord("nice", 2.3, 3.2, Double.NaN));
        Speech s = SharedEngine.ENGINE.timedSpeech().orElseThrow().speak(VOICE, words);
        assertThat(s.words()).extracting(WordTiming::word).containsExactly("the", "weather", "is", "nice");
        assertThat(s.words().get(0).start()).isCloseTo(0, offset(0.01));
        for (int i = 0; i < words.size(); i++) {
            assertThat(s.words().get(i).start()).isCloseTo(words.get(i).start() - 1.0, offset(0.03));
        }
        assertThat(s.seconds()).isCloseTo(2.2, offset(0.1));
    }

    @Test
    void pitch_ratios_move_the_words_pitch() throws Exception {
        List<TimedWord> low = List.of(new TimedWord("we", 0, 0.4, 1.0), new TimedWord("know", 0.4, 1.0, 0.8));
        List<TimedWord> high = List.of(new TimedWord("we", 0, 0.4, 1.0), new TimedWord("know", 0.4, 1.0, 1.3));
        double lowHz = medianPitch(SharedEngine.ENGINE.timedSpeech().orElseThrow().speak(VOICE, low), 0.45, 1.0);
        double highHz = medianPitch(SharedEngine.ENGINE.timedSpeech().orElseThrow().speak(VOICE, high), 0.45, 1.0);
        assertThat(highHz / lowHz).isCloseTo(1.3 / 0.8, offset(0.25));
    }

    static double medianPitch(Speech s, double from, double to) {
        byte[] pcm = Pcm.resample(s.pcm(), s.format().sampleRate(), 16000);
        short[] x = Pcm.toSamples(pcm, 0, pcm.length);
        short[] part = Arrays.copyOfRange(x, (int) (from * 16000), Math.min(x.length, (int) (to * 16000)));
        double[] f0 = Arrays.stream(PitchTracker.track(part)).filter(v -> !Double.isNaN(v)).sorted().toArray();
        return f0[f0.length / 2];
    }
}
