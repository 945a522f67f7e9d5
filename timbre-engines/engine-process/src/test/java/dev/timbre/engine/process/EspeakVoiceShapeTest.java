package dev.timbre.engine.process;

import static org.assertj.core.api.Assertions.assertThat;

import dev.timbre.engine.VoiceShapeChecks;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** espeak-ng applies a voice shape's pitch shift ({@code -p}) and rate ({@code -s}), heard in its audio. */
class EspeakVoiceShapeTest {
    private static EspeakTextToSpeech engine;

    @BeforeAll
    static void start() {
        ProcessEngineChecks.assumeInstalled("espeak-ng", EspeakTextToSpeech.available());
        engine = new EspeakTextToSpeech();
    }

    @ParameterizedTest
    @CsvSource({"en-us+m3, 4", "en-us+m3, -4", "en-us+f3, 3", "en-gb-x-rp+f3, -3"})
    void the_pitch_shift_is_heard(String voice, double semitones) throws Exception {
        VoiceShapeChecks.assertPitchHeard(engine, voice, semitones);
    }

    @Test
    void the_rate_is_heard() throws Exception {
        VoiceShapeChecks.assertRateHeard(engine, "en-us+f3", 1.3);
        VoiceShapeChecks.assertRateHeard(engine, "en-us+m3", 0.8);
    }

    @Test
    void the_pitch_parameter_follows_the_measured_table() {
        assertThat(EspeakPitch.parameter(0)).isEqualTo(50);
        assertThat(EspeakPitch.parameter(-12)).isZero();
        assertThat(EspeakPitch.parameter(12)).isEqualTo(99);
        assertThat(EspeakPitch.parameter(2.4)).isEqualTo(65);
    }
}
