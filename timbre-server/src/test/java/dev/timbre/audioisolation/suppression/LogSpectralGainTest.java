package dev.timbre.audioisolation.suppression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The exponential integral against tabulated values, and the gain's limits. */
class LogSpectralGainTest {
    @Test
    void exponentialIntegralMatchesTables() {
        // Abramowitz & Stegun, table 5.1
        assertThat(LogSpectralGain.exponentialIntegral(0.1)).isCloseTo(1.822923958, within(1e-8));
        assertThat(LogSpectralGain.exponentialIntegral(0.5)).isCloseTo(0.559773595, within(1e-8));
        assertThat(LogSpectralGain.exponentialIntegral(1.0)).isCloseTo(0.219383934, within(1e-8));
        assertThat(LogSpectralGain.exponentialIntegral(2.0)).isCloseTo(0.048900511, within(1e-8));
        assertThat(LogSpectralGain.exponentialIntegral(10.0)).isCloseTo(4.156968929e-6, within(1e-13));
    }

    @Test
    void strongBinsPassAndWeakOnesAreCut() {
        assertThat(LogSpectralGain.of(1000, 1000)).isCloseTo(1, within(0.01));
        assertThat(LogSpectralGain.of(0, 1)).isLessThan(0.05);
        assertThat(LogSpectralGain.of(0, 0)).isGreaterThan(0).isLessThanOrEqualTo(1);
        // more than a Wiener gain ξ/(1+ξ) where the bin is strong
        assertThat(LogSpectralGain.of(1, 4)).isGreaterThan(0.5);
    }
}
