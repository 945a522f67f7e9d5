package dev.timbre.engine.marytts;

import dev.timbre.engine.EngineException;
import dev.timbre.engine.SpeechRequest;
import dev.timbre.engine.TextToSpeech;
import dev.timbre.engine.TimedSpeech;
import dev.timbre.engine.WordTiming;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.w3c.dom.Document;

/**
 * {@link TimedSpeech} with MaryTTS: the phrase's words go through MaryTTS's analysis as one plain-text document,
 * {@link PhraseTiming} imposes the target durations and pitches on its acoustic parameters, and MaryTTS vocodes them.
 * The few ms of pause MaryTTS leaves before the first word are cut, so the audio starts with it. Output: s16le mono
 * 48 kHz. Thread-safe: each call has its own interfaces and documents, on the calling thread.
 */
final class MaryTimedSpeech implements TimedSpeech {

    @Override
    public TextToSpeech.Speech speak(SpeechRequest voice, List<TimedWord> words) throws InterruptedException {
        if (words.isEmpty()) return new TextToSpeech.Speech(SpeechRenderer.FORMAT, new byte[0], List.of());
        VoicePreset preset = VoicePreset.find(voice.voiceId())
                .orElseThrow(() -> new EngineException("unknown voice: " + voice.voiceId()));
        String text = words.stream().map(TimedWord::word).map(MaryTimedSpeech::plain).collect(Collectors.joining(" "));
        TextToSpeech.Collector collector = new TextToSpeech.Collector();
        SpeechRenderer renderer = new SpeechRenderer(preset, voice.shape(), collector, new AtomicBoolean());
        try {
            Document acoustic = renderer.acoustic(SsmlDocuments.fromText(text, 1.0));
            if (!WordTimeline.hasPhones(acoustic)) return new TextToSpeech.Speech(SpeechRenderer.FORMAT, new byte[0], List.of());
            PhraseTiming.apply(acoustic, words);
            collector.start(SpeechRenderer.FORMAT);
            renderer.vocode(acoustic);
        } catch (EngineException e) {
            throw e;
        } catch (Exception e) {
            throw new EngineException("MaryTTS could not speak the phrase: " + e.getMessage(), e, false);
        }
        if (Thread.interrupted()) throw new InterruptedException();
        return trimmed(collector.speech());
    }

    /** Drops the audio before the first word, and shifts the word timings with it. */
    private static TextToSpeech.Speech trimmed(TextToSpeech.Speech s) {
        if (s.words().isEmpty()) return s;
        int frame = 2;
        int cut = Math.min(s.pcm().length, (int) Math.round(s.words().get(0).start() * s.format().sampleRate()) * frame);
        double shift = s.format().seconds(cut);
        List<WordTiming> words = s.words().stream()
                .map(w -> new WordTiming(w.word(), Math.max(0, w.start() - shift), Math.max(0, w.end() - shift))).toList();
        return new TextToSpeech.Speech(s.format(), Arrays.copyOfRange(s.pcm(), cut, s.pcm().length), words);
    }

    /** A recognised word as MaryTTS should read it: no markup characters. */
    private static String plain(String word) {
        return word.replaceAll("[\\[\\]<>&]", " ").strip();
    }
}
