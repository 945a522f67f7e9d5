package dev.timbre.engine.fake;

import dev.timbre.audio.Pcm;
import dev.timbre.audio.PcmFormat;
import dev.timbre.engine.AudioSink;
import dev.timbre.engine.EngineCapabilities;
import dev.timbre.engine.EngineException;
import dev.timbre.engine.EngineInfo;
import dev.timbre.engine.SpeechRequest;
import dev.timbre.engine.SpeechStream;
import dev.timbre.engine.TextToSpeech;
import dev.timbre.engine.ThreadedSpeechStream;
import dev.timbre.engine.VoiceDescriptor;
import dev.timbre.engine.WordTiming;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Deterministic test TTS: each word becomes a 0.25 s sine tone (pitch from the voice and the word), followed by
 * 0.05 s of silence, at 16 kHz. Same input, same bytes. Word timings are exact. A {@link dev.timbre.engine.VoiceShape}'s
 * pitch shift multiplies every tone's frequency and its rate the speed; range and formant scale are ignored.
 */
public final class ToneTextToSpeech implements TextToSpeech {
    public static final int SAMPLE_RATE = 16000;
    static final double WORD_SECONDS = 0.25, GAP_SECONDS = 0.05;

    private final List<VoiceDescriptor> voices = List.of(
            new VoiceDescriptor("tone-a", "Tone A", "A low test tone.", "en",
                    Map.of("gender", "male", "age", "middle_aged", "accent", "american", "use_case", "testing")),
            new VoiceDescriptor("tone-b", "Tone B", "A high test tone.", "en",
                    Map.of("gender", "female", "age", "young", "accent", "british", "use_case", "testing")));

    @Override
    public EngineInfo info() {
        return new EngineInfo("fake", "Deterministic sine-tone speech for tests",
                new EngineCapabilities(Set.of("en"), false, true, false));
    }

    @Override
    public List<VoiceDescriptor> voices() { return voices; }

    @Override
    public SpeechStream openStream(SpeechRequest request, AudioSink out) {
        double base = switch (request.voiceId()) {
            case "tone-a" -> 220.0;
            case "tone-b" -> 440.0;
            default -> throw new EngineException("unknown voice: " + request.voiceId());
        };
        double speed = request.tuning().speed() * request.shape().rate();
        double factor = request.shape().pitchFactor();
        return ThreadedSpeechStream.start("tone-tts", out, (sink, cancelled) -> {
            PcmFormat format = new PcmFormat(SAMPLE_RATE);
            sink.start(format);
            double t = 0;
            for (String word : request.text().trim().split("\\s+")) {
                if (cancelled.get()) return;
                if (word.isEmpty()) continue;
                double seconds = WORD_SECONDS / speed;
                byte[] pcm = tone((base + Math.floorMod(word.hashCode(), 8) * 20) * factor, seconds, GAP_SECONDS / speed);
                sink.words(List.of(new WordTiming(word, t, t + seconds)));
                sink.audio(pcm, 0, pcm.length);
                t += format.seconds(pcm.length);
            }
        });
    }

    static byte[] tone(double hz, double seconds, double gapSeconds) {
        int n = (int) (seconds * SAMPLE_RATE), gap = (int) (gapSeconds * SAMPLE_RATE);
        short[] s = new short[n + gap];
        for (int i = 0; i < n; i++) s[i] = (short) (8000 * Math.sin(2 * Math.PI * hz * i / SAMPLE_RATE));
        return Pcm.toBytes(s);
    }

    /** Words per second of audio this engine produces at normal speed; tests use it to predict durations. */
    public static double secondsFor(String text) {
        List<String> words = new ArrayList<>(List.of(text.trim().split("\\s+")));
        words.removeIf(String::isEmpty);
        return words.size() * (WORD_SECONDS + GAP_SECONDS);
    }
}
