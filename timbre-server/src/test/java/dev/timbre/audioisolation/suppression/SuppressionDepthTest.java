package dev.timbre.audioisolation.suppression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Deep cuts where frames keep falling back to the noise estimate, shallow ones where they never do. */
class SuppressionDepthTest {
    static double after(int frames, java.util.function.IntPredicate noiseOnly) {
        SuppressionDepth depth = new SuppressionDepth(2, 10);
        double[] noise = new double[12];
        Arrays.fill(noise, 1);
        double floor = 0;
        for (int f = 0; f < frames; f++) {
            double[] power = new double[12];
            Arrays.fill(power, noiseOnly.test(f) ? 1 : 20);
            floor = depth.floor(power, noise);
        }
        return 20 * Math.log10(floor);
    }

    @Test
    void stationaryNoiseWithSpeechPausesIsCutDeep() {
        assertThat(after(1000, f -> f % 2 == 0)).isCloseTo(SuppressionDepth.DEEP_FLOOR_DB, within(0.01));
    }

    @Test
    void noiseThatNeverSettlesIsCutShallow() {
        assertThat(after(1000, f -> f % 10 == 0)).isCloseTo(SuppressionDepth.SHALLOW_FLOOR_DB, within(0.01));
    }

    @Test
    void inBetweenTheFloorFollowsTheShare() {
        double mid = after(2000, f -> f * 37 % 100 < 37); // 37 % of frames, spread evenly
        assertThat(mid).isBetween(SuppressionDepth.DEEP_FLOOR_DB + 1, SuppressionDepth.SHALLOW_FLOOR_DB - 1);
    }
}
