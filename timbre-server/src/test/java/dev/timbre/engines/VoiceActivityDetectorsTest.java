package dev.timbre.engines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.timbre.engine.VoiceActivityDetector;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("integration")
class VoiceActivityDetectorsTest {
    @Test
    void detectorsHeldPastTheCloseScoreSilenceInsteadOfRunningOnAFreedSession() {
        VoiceActivityDetectors detectors = VoiceActivityDetectors.load();
        assumeTrue(detectors.kind().equals("silero"), "Silero VAD is not available here");
        VoiceActivityDetector d = detectors.get();
        short[] frame = new short[d.frameSamples()];
        for (int i = 0; i < frame.length; i++) frame[i] = (short) (8000 * Math.sin(i / 3.0));
        float before = d.speechProbability(frame);
        assertThat(before).isBetween(0f, 1f);

        detectors.close();
        detectors.close(); // idempotent
        assertThat(d.speechProbability(frame)).isZero();
        assertThat(detectors.get().speechProbability(frame)).isZero();
    }

    @Test
    void theEnergyDetectorNeedsNoModel() {
        try (VoiceActivityDetectors detectors = VoiceActivityDetectors.energyOnly()) {
            assertThat(detectors.kind()).isEqualTo("energy");
            VoiceActivityDetector d = detectors.get();
            assertThat(d.speechProbability(new short[d.frameSamples()])).isBetween(0f, 1f);
        }
    }
}
