package dev.timbre.speechtospeech;

import dev.timbre.audio.Pcm;
import dev.timbre.audio.PcmFormat;
import dev.timbre.audio.PitchTracker;
import dev.timbre.engine.SpeechToText;
import java.util.List;

/**
 * A source recording heard piece by piece: cut at pauses ({@link PauseCuts}), each piece recognised and measured
 * ({@link SourceSpeech#analyse}) only when {@link #next} asks for it, so that re-speaking the first piece can start
 * while the rest is still unheard. Pitch is measured once over the whole recording (cheap against recognition) and
 * each word's ratio taken against its voiced median, so every piece follows the same reference. Times are seconds
 * from the start of the whole recording. Runs of digital silence are heard as {@link QuietNoise}. Single use, one
 * thread; {@link #next} blocks for the recognition.
 */
final class SourceSegments {
    private static final PcmFormat FORMAT = new PcmFormat(16_000);
    /** Runs of exact zeros this long (10 ms) or longer are heard as {@link QuietNoise}. */
    static final int ZERO_RUN_SAMPLES = 160;

    private final byte[] pcm;
    private final SpeechToText recogniser;
    private final double[] f0;
    private final double reference;
    private final List<Integer> cuts;
    private final StringBuilder text = new StringBuilder();
    private final QuietNoise quiet = new QuietNoise(3);
    private int nextPiece;
    private SourceSpeech peeked;

    /** @param pcm16k the whole source, s16le mono 16 kHz */
    SourceSegments(byte[] pcm16k, SpeechToText recogniser) {
        this.pcm = pcm16k;
        this.recogniser = recogniser;
        short[] samples = Pcm.toSamples(pcm16k, 0, pcm16k.length);
        this.f0 = PitchTracker.track(samples);
        this.reference = SourcePitch.voicedMedian(f0);
        this.cuts = PauseCuts.of(samples, FORMAT.sampleRate());
    }

    /** The whole source's duration in seconds. */
    double seconds() { return FORMAT.seconds(pcm.length); }

    /** What has been recognised so far, pieces joined by spaces (all of it once {@link #next} returned null). */
    String text() { return text.toString(); }

    int pieces() { return cuts.size() + 1; }

    /** Hears pieces until one holds words; false when none does (the source has no speech the recogniser knows). */
    boolean hasSpeech() {
        while (peeked == null) {
            SourceSpeech s = analyseNext();
            if (s == null) return false;
            if (!s.phrases().isEmpty()) peeked = s;
        }
        return true;
    }

    /** The next piece with its phrases (possibly none), or null after the last. */
    SourceSpeech next() {
        if (peeked != null) {
            SourceSpeech p = peeked;
            peeked = null;
            return p;
        }
        return analyseNext();
    }

    private SourceSpeech analyseNext() {
        if (nextPiece > cuts.size()) return null;
        int from = nextPiece == 0 ? 0 : cuts.get(nextPiece - 1), to = nextPiece < cuts.size() ? cuts.get(nextPiece) : pcm.length / 2;
        nextPiece++;
        byte[] piece = java.util.Arrays.copyOfRange(pcm, from * 2, to * 2);
        quiet.fillZeroRuns(piece, ZERO_RUN_SAMPLES); // recognisers misplace the first word after digital silence
        SourceSpeech s = SourceSpeech.analyse(piece, FORMAT.seconds(from * 2), recogniser, words -> SourcePitch.ratios(f0, words, reference));
        if (!s.text().isBlank()) text.append(text.isEmpty() ? "" : " ").append(s.text().strip());
        return s;
    }
}
