package dev.timbre.engine.marytts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.timbre.engine.VoiceShape;
import dev.timbre.engine.VoiceShapeChecks;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** MaryTTS applies a voice shape's pitch shift and range (to the pitch targets) and its rate (SSML prosody rate). */
@Tag("integration")
class MaryVoiceShapeTest {

    @ParameterizedTest
    @CsvSource({"cmu-slt-hsmm, -5", "cmu-slt-hsmm, 4", "cmu-slt-hsmm-deep, 3", "cmu-slt-hsmm-bright, -8"})
    void the_pitch_shift_is_heard(String voice, double semitones) throws Exception {
        VoiceShapeChecks.assertPitchHeard(SharedEngine.ENGINE, voice, semitones);
    }

    @Test
    void the_rate_is_heard() throws Exception {
        VoiceShapeChecks.assertRateHeard(SharedEngine.ENGINE, "cmu-slt-hsmm", 1.25);
        VoiceShapeChecks.assertRateHeard(SharedEngine.ENGINE, "cmu-slt-hsmm-calm", 0.8);
    }

    @Test
    void a_flatter_range_keeps_the_median_near() throws Exception {
        double base = VoiceShapeChecks.medianPitch(VoiceShapeChecks.speak(SharedEngine.ENGINE, "cmu-slt-hsmm", VoiceShape.NEUTRAL));
        double flat = VoiceShapeChecks.medianPitch(VoiceShapeChecks.speak(SharedEngine.ENGINE, "cmu-slt-hsmm",
                new VoiceShape(0, 0.5, 1, 1)));
        assertThat(Math.abs(12 * Math.log(flat / base) / Math.log(2))).isLessThan(1.5);
    }
}
