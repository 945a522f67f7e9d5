package dev.timbre.engine.fake;

import dev.timbre.engine.VoiceShapeChecks;
import org.junit.jupiter.api.Test;

/** The tone engine applies a voice shape's pitch shift (tone frequency) and rate; tone-b (440 Hz up) is above the tracker's 400 Hz. */
class ToneVoiceShapeTest {
    private final ToneTextToSpeech engine = new ToneTextToSpeech();

    @Test
    void the_pitch_shift_and_rate_are_heard() throws Exception {
        VoiceShapeChecks.assertPitchHeard(engine, "tone-a", 2);
        VoiceShapeChecks.assertPitchHeard(engine, "tone-a", -7);
        VoiceShapeChecks.assertRateHeard(engine, "tone-a", 1.5);
    }
}
