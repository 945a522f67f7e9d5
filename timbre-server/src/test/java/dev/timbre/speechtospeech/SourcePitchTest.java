package dev.timbre.speechtospeech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import dev.timbre.audio.PitchTracker;
import dev.timbre.engine.WordTiming;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each word's pitch against the speaker's voiced median: a rising "sentence" of three tones. */
class SourcePitchTest {
    /** As {@link SourceSegments} measures: the whole recording tracked once, words against its voiced median. */
    static double[] ratios(short[] samples, List<WordTiming> words) {
        double[] f0 = PitchTracker.track(samples);
        return SourcePitch.ratios(f0, words, SourcePitch.voicedMedian(f0));
    }

    static short[] tones(double... hz) {
        short[] s = new short[16000 * hz.length / 2];
        for (int w = 0; w < hz.length; w++) {
            for (int i = 0; i < 8000; i++) {
                int k = w * 8000 + i;
                s[k] = (short) (5000 * Math.sin(2 * Math.PI * hz[w] * i / 16000.0) + 2000 * Math.sin(4 * Math.PI * hz[w] * i / 16000.0));
            }
        }
        return s;
    }

    @Test
    void ratios_follow_the_contour_around_the_median() {
        List<WordTiming> words = List.of(new WordTiming("a", 0, 0.5), new WordTiming("b", 0.5, 1.0), new WordTiming("c", 1.0, 1.5));
        double[] r = ratios(tones(120, 150, 200), words);
        assertThat(r[0]).isCloseTo(120 / 150.0, offset(0.03));
        assertThat(r[1]).isCloseTo(1.0, offset(0.03));
        assertThat(r[2]).isCloseTo(200 / 150.0, offset(0.04));
    }

    @Test
    void a_word_without_voice_has_no_ratio() {
        short[] s = tones(150, 150);
        java.util.Arrays.fill(s, 8000, 16000, (short) 0);
        double[] r = ratios(s, List.of(new WordTiming("a", 0, 0.5), new WordTiming("b", 0.5, 1.0)));
        assertThat(r[0]).isCloseTo(1.0, offset(0.02));
        assertThat(r[1]).isNaN();
    }
}
