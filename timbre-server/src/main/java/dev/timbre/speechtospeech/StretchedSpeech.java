package dev.timbre.speechtospeech;

import dev.timbre.audio.Pcm;
import dev.timbre.audio.Wsola;
import dev.timbre.engine.SpeechRequest;
import dev.timbre.engine.TextToSpeech;
import dev.timbre.engine.TimedSpeech;
import dev.timbre.engine.WordTiming;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@link TimedSpeech} for engines without it (espeak-ng, flite, remote TTS): the phrase is synthesised as text, then
 * time-stretched ({@link Wsola}) so that each word lasts its target (from its start to the next word's; by the
 * engine's word timings) or, when the engine gave no usable timings, so that the whole phrase does. The engine's own
 * intonation is kept: pitch ratios are ignored. Silence before the first word is cut. Thread-safe if the engine is.
 */
final class StretchedSpeech implements TimedSpeech {
    private final TextToSpeech engine;

    StretchedSpeech(TextToSpeech engine) {
        this.engine = engine;
    }

    @Override
    public TextToSpeech.Speech speak(SpeechRequest voice, List<TimedWord> words) throws InterruptedException {
        String text = words.stream().map(TimedWord::word).collect(Collectors.joining(" "));
        TextToSpeech.Speech s = engine.synthesize(voice.withText(text));
        int rate = s.format().sampleRate();
        short[] x = Pcm.toSamples(s.pcm(), 0, s.pcm().length);
        List<WordTiming> heard = s.words();
        double base = words.get(0).start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<WordTiming> placed = new ArrayList<>();
        if (heard.size() == words.size()) {
            for (int i = 0; i < words.size(); i++) {
                int from = index(heard.get(i).start(), rate, x.length);
                int to = i + 1 < heard.size() ? index(heard.get(i + 1).start(), rate, x.length) : index(heard.get(i).end(), rate, x.length);
                double target = (i + 1 < words.size() ? words.get(i + 1).start() : words.get(i).end()) - words.get(i).start();
                double at = s.format().seconds(out.size());
                out.writeBytes(Pcm.toBytes(Wsola.stretch(Arrays.copyOfRange(x, from, Math.max(from, to)), (int) Math.round(target * rate), rate)));
                placed.add(new WordTiming(words.get(i).word(), at, words.get(i).end() - base));
            }
        } else {
            double target = words.get(words.size() - 1).end() - base;
            out.writeBytes(Pcm.toBytes(Wsola.stretch(x, (int) Math.round(target * rate), rate)));
            for (TimedWord w : words) placed.add(new WordTiming(w.word(), w.start() - base, w.end() - base));
        }
        return new TextToSpeech.Speech(s.format(), out.toByteArray(), placed);
    }

    private static int index(double seconds, int rate, int length) {
        return Math.max(0, Math.min(length, (int) Math.round(seconds * rate)));
    }
}
