package dev.timbre.engine.process;

import dev.timbre.engine.VoiceShapeChecks;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** flite applies a voice shape's pitch shift ({@code int_f0_target_mean}) and rate ({@code duration_stretch}). */
class FliteVoiceShapeTest {
    private static FliteTextToSpeech engine;

    @BeforeAll
    static void start() {
        ProcessEngineChecks.assumeInstalled("flite", FliteTextToSpeech.available());
        engine = new FliteTextToSpeech();
    }

    @ParameterizedTest
    @CsvSource({"slt, -4", "slt, 3", "awb, 4", "kal16, 5"})
    void the_pitch_shift_is_heard(String voice, double semitones) throws Exception {
        VoiceShapeChecks.assertPitchHeard(engine, voice, semitones);
    }

    @Test
    void the_rate_is_heard() throws Exception {
        VoiceShapeChecks.assertRateHeard(engine, "slt", 1.25);
        VoiceShapeChecks.assertRateHeard(engine, "rms", 0.8);
    }
}
