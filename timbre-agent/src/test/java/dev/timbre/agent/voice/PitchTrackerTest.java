package dev.timbre.agent.voice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.timbre.audio.PitchTracker;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The shared {@link PitchTracker} (timbre-core) on the recorded speech tails the intonation tests use. */
class PitchTrackerTest {
    private static double[] voiced(double[] f0) { return Arrays.stream(f0).filter(f -> !Double.isNaN(f)).toArray(); }

    @ParameterizedTest
    @ValueSource(strings = {"espeak-ng-end", "espeak-ng-comma", "flite-end", "flite-comma", "marytts-end", "marytts-comma"})
    void recordedSpeechIsMostlyVoicedInTheSpeakingRange(String name) {
        double[] f0 = PitchTracker.track(Voices.recorded(name));
        double[] v = voiced(f0);
        assertThat(v.length).as("voiced estimates of %d", f0.length).isGreaterThanOrEqualTo(f0.length / 4);
        for (double f : v) assertThat(f).isBetween(60.0, 400.0);
    }
}
