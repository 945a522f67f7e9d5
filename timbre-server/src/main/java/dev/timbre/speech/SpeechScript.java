package dev.timbre.speech;

import dev.timbre.audio.OutputFormat;
import dev.timbre.engine.SpeechRequest;
import dev.timbre.engine.TextToSpeech;
import dev.timbre.texttospeech.normalize.NormalizedText;
import java.util.List;

/**
 * What one run says and how its audio comes out: segments spoken one after the other into one stream.
 *
 * @param segments  at least one; each with its own engine and voice
 * @param format    the encoding of every chunk; null for raw s16le mono PCM at the rate of the first engine
 * @param keepAudio whether the run keeps every encoded byte for {@link SpeechRun#keptAudio()} (history)
 */
public record SpeechScript(List<Segment> segments, OutputFormat format, boolean keepAudio) {
    public SpeechScript {
        if (segments.isEmpty()) throw new IllegalArgumentException("a script needs at least one segment");
        segments = List.copyOf(segments);
    }

    /** One segment in {@code format}; see {@link SpeechScript}. */
    public static SpeechScript of(Segment segment, OutputFormat format, boolean keepAudio) {
        return new SpeechScript(List.of(segment), format, keepAudio);
    }

    /**
     * One piece of the script.
     *
     * @param text         the text as written and as spoken; alignments are of both
     * @param engine       the engine that speaks it; null for a silent segment, whose characters are aligned at the
     *                     current time with no duration (markup)
     * @param request      the engine's request (spoken text, engine voice, tuning, seed); null when silent
     * @param pauseSeconds silence before this segment (not before the first audio of the run)
     */
    public record Segment(NormalizedText text, TextToSpeech engine, SpeechRequest request, double pauseSeconds) {
        public static Segment spoken(NormalizedText text, TextToSpeech engine, SpeechRequest request) {
            return new Segment(text, engine, request, 0);
        }

        public static Segment silent(String text) {
            return new Segment(NormalizedText.identity(text), null, null, 0);
        }

        public Segment afterPause(double seconds) {
            return new Segment(text, engine, request, seconds);
        }

        boolean isSilent() { return engine == null; }
    }
}
