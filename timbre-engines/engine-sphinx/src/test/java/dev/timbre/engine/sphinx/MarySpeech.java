package dev.timbre.engine.sphinx;

import dev.timbre.engine.SpeechRequest;
import dev.timbre.engine.SpeechToTextContract.Clip;
import dev.timbre.engine.TextToSpeech.Speech;
import dev.timbre.engine.marytts.MaryTextToSpeech;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** MaryTTS (48 kHz, its own word timings) as the speaker for the round trips; one engine per JVM, clips cached. */
final class MarySpeech {
    private static MaryTextToSpeech mary;
    private static final Map<String, Clip> CACHE = new ConcurrentHashMap<>();

    private MarySpeech() {}

    static synchronized MaryTextToSpeech engine() {
        if (mary == null) mary = new MaryTextToSpeech();
        return mary;
    }

    static Clip speak(String text) {
        return CACHE.computeIfAbsent(text, t -> {
            try {
                Speech s = engine().synthesize(new SpeechRequest(t, "cmu-slt-hsmm", "en", null, null));
                return new Clip(s.pcm(), s.format(), s.words());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        });
    }
}
