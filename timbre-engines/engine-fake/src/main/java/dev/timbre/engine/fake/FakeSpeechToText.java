package dev.timbre.engine.fake;

import dev.timbre.audio.PcmFormat;
import dev.timbre.engine.EngineCapabilities;
import dev.timbre.engine.EngineInfo;
import dev.timbre.engine.RecognitionStream;
import dev.timbre.engine.RecognizedWord;
import dev.timbre.engine.SpeechToText;
import dev.timbre.engine.WordTiming;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Deterministic test recogniser. An energy detector (10 ms frames, RMS above {@link #THRESHOLD}) finds voiced
 * stretches; each stretch becomes {@code max(1, round(seconds / 0.3))} words named {@code word1}, {@code word2}, …
 * spread evenly over it, with real timings. A stretch ends at 30 ms of silence, so each 0.25 s word of
 * {@link ToneTextToSpeech} comes back as one word. Silence gives an empty transcript. {@link #openStream} runs the same
 * detector incrementally.
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
        Detector d = new Detector(format.sampleRate());
        d.feed(pcm, 0, pcm.length);
        return transcript(d.words(), languageCode);
    }

    /**
     * Forced alignment, fake: the given words are laid over the detected voiced stretches in order, one word per
     * stretch while they last; extra words share the last stretch. Each word's log probability is 0.
     */
    @Override
    public Optional<Transcript> align(byte[] pcm, PcmFormat format, String text) {
        Detector d = new Detector(format.sampleRate());
        d.feed(pcm, 0, pcm.length);
        List<WordTiming> voiced = d.words();
        String[] given = text.trim().split("\\s+");
        List<RecognizedWord> words = new ArrayList<>();
        double seconds = format.seconds(pcm.length);
        for (int i = 0; i < given.length; i++) {
            WordTiming span = voiced.isEmpty() ? new WordTiming("", 0, seconds) : voiced.get(Math.min(i, voiced.size() - 1));
            words.add(new RecognizedWord(given[i], span.start(), span.end(), 0));
        }
        return Optional.of(Transcript.of(text.trim(), "en", 1.0, words));
    }

    /** Words appear as voiced stretches accumulate: {@link RecognitionStream#partial()} gives the words so far. */
    @Override
    public RecognitionStream openStream(PcmFormat format, String languageCode) {
        Detector d = new Detector(format.sampleRate());
        return new RecognitionStream() {
            @Override
            public void accept(byte[] pcm, int off, int len) { d.feed(pcm, off, len); }

            @Override
            public Transcript partial() { return transcript(d.words(), languageCode); }

            @Override
            public Transcript finish() { return transcript(d.words(), languageCode); }

            @Override
            public void close() {}
        };
    }

    private static Transcript transcript(List<WordTiming> words, String languageCode) {
        String text = String.join(" ", words.stream().map(WordTiming::word).toList());
        String language = languageCode == null ? "en" : languageCode;
        return new Transcript(text, language, languageCode == null ? 0.9 : 1.0, words);
    }

    /** The energy detector, fed in pieces of any size (a frame may span pieces). */
    private static final class Detector {
        private final int rate, frame;
        private final List<double[]> stretches = new ArrayList<>();
        private int f, start = -1, lastVoiced = -1, inFrame, oddByte = -1;
        private double sum;

        Detector(int rate) {
            this.rate = rate;
            this.frame = Math.max(1, (int) Math.round(rate * FRAME_SECONDS));
        }

        void feed(byte[] pcm, int off, int len) {
            int i = off, endAt = off + len;
            if (oddByte >= 0 && i < endAt) {
                sample((short) ((oddByte & 0xff) | (pcm[i++] << 8)));
                oddByte = -1;
            }
            for (; i + 1 < endAt; i += 2) sample((short) ((pcm[i] & 0xff) | (pcm[i + 1] << 8)));
            if (i < endAt) oddByte = pcm[i] & 0xff;
        }

        private void sample(short s) {
            sum += (double) s * s;
            if (++inFrame < frame) return;
            boolean voiced = Math.sqrt(sum / frame) > THRESHOLD;
            sum = 0;
            inFrame = 0;
            if (voiced) {
                if (start < 0) start = f;
                lastVoiced = f;
            } else if (start >= 0 && f - lastVoiced >= SILENT_FRAMES_TO_SPLIT) {
                stretches.add(stretch(start, lastVoiced));
                start = -1;
            }
            f++;
        }

        private double[] stretch(int from, int lastFrame) {
            return new double[] {from * (double) frame / rate, (lastFrame + 1) * (double) frame / rate};
        }

        List<WordTiming> words() {
            List<double[]> all = new ArrayList<>(stretches);
            if (start >= 0) all.add(stretch(start, lastVoiced));
            List<WordTiming> words = new ArrayList<>();
            for (double[] st : all) {
                int n = Math.max(1, (int) Math.round((st[1] - st[0]) / WORD_SECONDS));
                double each = (st[1] - st[0]) / n;
                for (int i = 0; i < n; i++) {
                    words.add(new WordTiming("word" + (words.size() + 1), round(st[0] + i * each), round(st[0] + (i + 1) * each)));
                }
            }
            return words;
        }
    }

    private static double round(double seconds) {
        return Math.round(seconds * 1000) / 1000.0;
    }
}
