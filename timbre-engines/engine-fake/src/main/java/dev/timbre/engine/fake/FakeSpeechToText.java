package dev.timbre.engine.fake;

import dev.timbre.audio.Pcm;
import dev.timbre.audio.PcmFormat;
import dev.timbre.engine.EngineCapabilities;
import dev.timbre.engine.EngineInfo;
import dev.timbre.engine.SpeechToText;
import dev.timbre.engine.WordTiming;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Deterministic test recogniser. An energy detector (10 ms frames, RMS above {@link #THRESHOLD}) finds voiced
 * stretches; each stretch becomes {@code max(1, round(seconds / 0.3))} words named {@code word1}, {@code word2}, …
 * spread evenly over it, with real timings. A stretch ends at 30 ms of silence, so each 0.25 s word of
 * {@link ToneTextToSpeech} comes back as one word. Silence gives an empty transcript.
 */
public final class FakeSpeechToText implements SpeechToText {
    public static final String PROVIDER = "fake";
    static final double FRAME_SECONDS = 0.01, WORD_SECONDS = 0.3;
    static final int THRESHOLD = 500, SILENT_FRAMES_TO_SPLIT = 3;

    @Override
    public EngineInfo info() {
        return new EngineInfo(PROVIDER, "Deterministic energy-detector recogniser for tests",
                new EngineCapabilities(Set.of("en", "es", "fr", "de"), false, true, false));
    }

    @Override
    public Transcript transcribe(byte[] pcm, PcmFormat format, String languageCode) {
        short[] s = Pcm.toSamples(pcm, 0, pcm.length - pcm.length % 2);
        int frame = Math.max(1, (int) Math.round(format.sampleRate() * FRAME_SECONDS));
        int frames = s.length / frame;
        List<double[]> stretches = new ArrayList<>();
        int start = -1, lastVoiced = -1;
        for (int f = 0; f < frames; f++) {
            double sum = 0;
            for (int i = f * frame; i < (f + 1) * frame; i++) sum += (double) s[i] * s[i];
            boolean voiced = Math.sqrt(sum / frame) > THRESHOLD;
            if (voiced) {
                if (start < 0) start = f;
                lastVoiced = f;
            } else if (start >= 0 && f - lastVoiced >= SILENT_FRAMES_TO_SPLIT) {
                stretches.add(new double[] {start * (double) frame / format.sampleRate(), (lastVoiced + 1) * (double) frame / format.sampleRate()});
                start = -1;
            }
        }
        if (start >= 0) stretches.add(new double[] {start * (double) frame / format.sampleRate(), (lastVoiced + 1) * (double) frame / format.sampleRate()});
        List<WordTiming> words = new ArrayList<>();
        for (double[] st : stretches) {
            int n = Math.max(1, (int) Math.round((st[1] - st[0]) / WORD_SECONDS));
            double each = (st[1] - st[0]) / n;
            for (int i = 0; i < n; i++) {
                words.add(new WordTiming("word" + (words.size() + 1), round(st[0] + i * each), round(st[0] + (i + 1) * each)));
            }
        }
        String text = String.join(" ", words.stream().map(WordTiming::word).toList());
        String language = languageCode == null ? "en" : languageCode;
        return new Transcript(text, language, languageCode == null ? 0.9 : 1.0, words);
    }

    private static double round(double seconds) {
        return Math.round(seconds * 1000) / 1000.0;
    }
}
