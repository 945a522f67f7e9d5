package dev.timbre.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.timbre.audio.Pcm;
import dev.timbre.audio.PitchTracker;
import java.util.Arrays;

/**
 * What every engine test checks of {@link VoiceShape}: the shape is heard. The median pitch (YIN, {@link PitchTracker})
 * moves by the asked semitones (±1.5), the duration by the asked rate (±10 %).
 */
public final class VoiceShapeChecks {
    public static final String TEXT = "The quick brown fox jumps over the lazy dog. It was a bright, cold day in April.";

    private VoiceShapeChecks() {}

    /** Median pitch in Hz of the voiced 10 ms frames of {@code speech}; NaN when none is voiced. */
    public static double medianPitch(TextToSpeech.Speech speech) {
        byte[] pcm16k = Pcm.resample(speech.pcm(), speech.format().sampleRate(), PitchTracker.RATE);
        double[] f0 = Arrays.stream(PitchTracker.track(Pcm.toSamples(pcm16k, 0, pcm16k.length)))
                .filter(f -> !Double.isNaN(f)).sorted().toArray();
        return f0.length == 0 ? Double.NaN : f0[f0.length / 2];
    }

    public static TextToSpeech.Speech speak(TextToSpeech engine, String voice, VoiceShape shape) throws InterruptedException {
        return engine.synthesize(new SpeechRequest(TEXT, voice, "en", VoiceTuning.DEFAULT, null, shape));
    }

    /** Asserts that {@code semitones} shifts the median pitch by that much (±1.5 st); returns the measured shift. */
    public static double assertPitchHeard(TextToSpeech engine, String voice, double semitones) throws InterruptedException {
        double base = medianPitch(speak(engine, voice, VoiceShape.NEUTRAL));
        double shifted = medianPitch(speak(engine, voice, new VoiceShape(semitones, 1, 1, 1)));
        double measured = 12 * Math.log(shifted / base) / Math.log(2);
        assertThat(measured).as("semitones measured (%.1f Hz → %.1f Hz) for %+.1f asked", base, shifted, semitones)
                .isCloseTo(semitones, within(1.5));
        return measured;
    }

    /** Asserts that {@code rate} divides the duration by that much (±10 %). */
    public static void assertRateHeard(TextToSpeech engine, String voice, double rate) throws InterruptedException {
        double base = speak(engine, voice, VoiceShape.NEUTRAL).seconds();
        double faster = speak(engine, voice, new VoiceShape(0, 1, rate, 1)).seconds();
        assertThat(faster).as("seconds at rate %.2f (base %.2f s)", rate, base).isCloseTo(base / rate, within(base / rate * 0.10));
    }
}
