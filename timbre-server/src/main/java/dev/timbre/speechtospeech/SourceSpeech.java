package dev.timbre.speechtospeech;

import dev.timbre.audio.PcmFormat;
import dev.timbre.engine.SpeechToText;
import dev.timbre.engine.TimedSpeech.TimedWord;
import dev.timbre.engine.WordTiming;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * What a voice changer keeps of the source recording: its words, when each is spoken, and how high, grouped into
 * phrases (runs of words without a pause of {@link #PAUSE_SECONDS} or more, at most {@link #MAX_PHRASE_WORDS} words).
 * The recogniser finds the words; forced alignment of its own transcript then places them (its times, where the engine
 * aligns; the recogniser's otherwise). Times in seconds from the start of the source. Immutable. A long source is
 * heard as several of these, one per piece ({@link SourceSegments}).
 */
record SourceSpeech(String text, List<Phrase> phrases) {
    static final double PAUSE_SECONDS = 0.2;
    static final int MAX_PHRASE_WORDS = 12;

    /** Words spoken together; the first word's start is where the phrase's audio goes. */
    record Phrase(List<TimedWord> words) {
        double start() { return words.get(0).start(); }
    }

    /**
     * Recognises and measures 16 kHz mono PCM that starts {@code offset} seconds into the source; word and phrase times
     * come out in source time, each word's pitch ratio from {@code pitch} (given the words in source time). No phrases
     * when the recogniser heard no words. Blocks for the recognition.
     */
    static SourceSpeech analyse(byte[] pcm16k, double offset, SpeechToText recogniser, Function<List<WordTiming>, double[]> pitch) {
        PcmFormat format = new PcmFormat(16_000);
        SpeechToText.Transcript heard = recogniser.transcribe(pcm16k, format, "en");
        List<WordTiming> words = heard.words().stream().filter(w -> !w.word().isBlank()).toList();
        if (!words.isEmpty()) {
            String text = String.join(" ", words.stream().map(WordTiming::word).toList());
            List<WordTiming> aligned = recogniser.align(pcm16k, format, text).map(SpeechToText.Transcript::words).orElse(List.of());
            if (aligned.size() == words.size()) words = aligned;
        }
        words = words.stream().map(w -> new WordTiming(w.word(), w.start() + offset, w.end() + offset)).toList();
        double[] ratios = pitch.apply(words);
        List<Phrase> phrases = new ArrayList<>();
        List<TimedWord> current = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            WordTiming w = words.get(i);
            if (!current.isEmpty() && (w.start() - words.get(i - 1).end() >= PAUSE_SECONDS || current.size() >= MAX_PHRASE_WORDS)) {
                phrases.add(new Phrase(List.copyOf(current)));
                current.clear();
            }
            current.add(new TimedWord(w.word(), w.start(), Math.max(w.start(), w.end()), ratios[i]));
        }
        if (!current.isEmpty()) phrases.add(new Phrase(List.copyOf(current)));
        return new SourceSpeech(heard.text(), phrases);
    }
}
