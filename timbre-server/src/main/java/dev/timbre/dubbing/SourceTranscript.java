package dev.timbre.dubbing;

import dev.timbre.audio.Pcm;
import dev.timbre.audio.PcmFormat;
import dev.timbre.engine.EngineException;
import dev.timbre.engine.SpeechToText;
import dev.timbre.speechtotext.diarize.Diarizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The transcription stage: the source's speech → the server's recogniser (word timings) → diarization
 * ({@link Diarizer}: {@code num_speakers} or found) → {@link Segmenter} segments, speakers numbered in order of first
 * appearance ({@code speaker_0}, …). Blocks the calling (job) thread for the recognition. Thread-safe.
 */
final class SourceTranscript {
    static final int RATE = 16000;

    /** The result: the language heard (ISO 639-1), the speakers found and the segments, in time order. */
    record Result(String language, List<SegmentRepository.Speaker> speakers, List<SegmentRepository.Segment> segments) {}

    private final Supplier<SpeechToText> recogniser;

    /** @param recogniser the server's speech-to-text engine (throws when none is loaded) */
    SourceTranscript(Supplier<SpeechToText> recogniser) {
        this.recogniser = recogniser;
    }

    /**
     * @param speech     mono s16le at {@code rate}
     * @param language   ISO 639-1, or null to detect it
     * @param speakers   0 to find how many
     */
    Result transcribe(byte[] speech, int rate, String language, int speakers) throws DubbingFailure {
        byte[] pcm = Pcm.resample(speech, rate, RATE);
        SpeechToText engine;
        try {
            engine = recogniser.get();
        } catch (RuntimeException e) {
            throw new DubbingFailure("no speech-to-text engine is available on this server");
        }
        SpeechToText.Transcript t;
        try {
            t = engine.transcribe(pcm, new PcmFormat(RATE), language);
        } catch (EngineException e) {
            throw new DubbingFailure("the speech-to-text engine failed");
        }
        if (t.words().isEmpty()) throw new DubbingFailure("no speech was found in the source");
        List<Diarizer.Turn> turns = Diarizer.diarize(pcm, new PcmFormat(RATE), speakers > 0 ? speakers : null, null);
        List<Segmenter.Piece> pieces = Segmenter.split(t.words(), Diarizer.speakersOf(t.words(), turns));
        Map<Integer, String> ids = new LinkedHashMap<>();
        List<SegmentRepository.Segment> segments = new ArrayList<>();
        for (int i = 0; i < pieces.size(); i++) {
            Segmenter.Piece p = pieces.get(i);
            String speaker = ids.computeIfAbsent(p.speaker(), k -> "speaker_" + ids.size());
            segments.add(new SegmentRepository.Segment(String.format("seg_%04d", i), speaker, p.start(), p.end(), p.text()));
        }
        List<SegmentRepository.Speaker> found = new ArrayList<>();
        int n = 1;
        for (String id : ids.values()) found.add(new SegmentRepository.Speaker(id, "Speaker " + n++, "{}"));
        String heard = language != null ? language : t.language() == null || t.language().isBlank() ? "en" : t.language();
        return new Result(heard, found, segments);
    }
}
