package dev.timbre.speaker;

import dev.timbre.audio.Pcm;
import dev.timbre.engine.SpeechRequest;
import dev.timbre.engine.TextToSpeech;
import dev.timbre.engine.VoiceShape;
import dev.timbre.engine.VoiceTuning;

/** Test speech at 16 kHz from the installed engines. */
public final class Speakers {
    public static final String TEXT = "Good morning. I would like to tell you about the weather in our town this week. "
            + "On Monday it rained all day, but on Tuesday the sun came out and the children played in the park. "
            + "The rest of the week should be mild and dry, with a light wind from the west.";

    private Speakers() {}

    /** {@code text} by {@code voice} at {@code speed} with {@code shape}, as s16le mono 16 kHz. */
    public static byte[] speak(TextToSpeech engine, String voice, String text, double speed, VoiceShape shape) throws InterruptedException {
        TextToSpeech.Speech s = engine.synthesize(new SpeechRequest(text, voice, "en",
                new VoiceTuning(0.5, 0.75, 0, true, speed), 0L, shape));
        return Pcm.resample(s.pcm(), s.format().sampleRate(), SpeakerAnalysis.RATE);
    }

    public static byte[] speak(TextToSpeech engine, String voice, double speed) throws InterruptedException {
        return speak(engine, voice, TEXT, speed, VoiceShape.NEUTRAL);
    }
}
