package dev.timbre.engine;

import java.util.List;

/**
 * A text-to-speech engine's ability to speak words at given times and pitches (what a voice changer needs to re-speak
 * recognised speech with its timing and intonation), offered through {@link TextToSpeech#timedSpeech()}.
 * Implementations are thread-safe; {@link #speak} blocks the calling thread while it synthesises.
 */
public interface TimedSpeech {
    /**
     * Speaks one phrase (words without a pause between them). Each word lasts as long as its target (its start to the
     * next word's start; the last one to its end), within what the engine can stretch; the phrase's audio starts at the
     * first word's start (silence before it is the engine's to add, not more than a few ms). The result's word timings
     * are in seconds from the start of its audio.
     *
     * @param voice the engine's voice id and the shape applied to it, as for {@link SpeechRequest}
     * @throws EngineException when the engine fails or cannot say the words
     */
    TextToSpeech.Speech speak(SpeechRequest voice, List<TimedWord> words) throws InterruptedException;

    /**
     * One word to say: when (seconds, any common origin) and how high.
     *
     * @param pitchRatio the word's pitch against the voice's own median pitch (1 = its median, 1.2 = 20% higher); NaN
     *                   to keep the engine's own intonation for this word
     */
    record TimedWord(String word, double start, double end, double pitchRatio) {
        public TimedWord {
            if (word == null || word.isBlank()) throw new IllegalArgumentException("word is required");
            if (!(end >= start)) throw new IllegalArgumentException("end before start");
        }

        public double seconds() { return end - start; }
    }
}
