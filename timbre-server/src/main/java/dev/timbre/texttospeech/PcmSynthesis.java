package dev.timbre.texttospeech;

import dev.timbre.audio.PcmFormat;
import dev.timbre.engine.EngineException;
import dev.timbre.engine.SpeechStream;
import java.io.IOException;

/**
 * One prepared synthesis as raw PCM at the engine's own rate, for callers that join several syntheses into one
 * encoded stream (text to dialogue). Charges nothing and records nothing: that is the caller's use case. Runs on the
 * calling thread; if the listener throws, the engine stream is closed, which cancels the synthesis.
 */
public final class PcmSynthesis {
    /** Receives one synthesis in order. */
    public interface Listener {
        /** Once, before any audio: the engine's PCM format. */
        void start(PcmFormat format) throws IOException;

        /**
         * s16le mono PCM in order (possibly empty), with the characters it settles; times in seconds from the start
         * of this synthesis, either alignment null when none settled. {@code last} is true exactly once, at the end.
         */
        void audio(byte[] pcm, CharacterAlignment alignment, CharacterAlignment normalizedAlignment, boolean last) throws IOException;
    }

    private PcmSynthesis() {}

    /**
     * Runs {@code p} to the end.
     *
     * @return the audio's duration in seconds
     * @throws EngineException when the engine fails or stalls
     */
    public static double run(TextToSpeechService.Prepared p, Listener listener) throws IOException, InterruptedException {
        AlignmentTracker tracker = new AlignmentTracker(p.normalized());
        try (SpeechEvents events = new SpeechEvents(); SpeechStream ignored = p.engine().openStream(p.speechRequest(), events)) {
            PcmFormat pcm = null;
            long pcmBytes = 0;
            while (true) {
                SpeechEvents.Event e = events.next(Synthesis.STALL_MS);
                if (e instanceof SpeechEvents.Started s) {
                    pcm = s.format();
                    listener.start(pcm);
                } else if (e instanceof SpeechEvents.Words w) {
                    tracker.add(w.words());
                } else if (e instanceof SpeechEvents.Audio a) {
                    if (pcm == null) throw new EngineException("the engine sent audio before its format");
                    pcmBytes += a.pcm().length;
                    AlignmentTracker.Chunk c = tracker.next(pcm.seconds(pcmBytes), false);
                    listener.audio(a.pcm(), c.alignment(), c.normalizedAlignment(), false);
                } else if (e instanceof SpeechEvents.Ended) {
                    double seconds = pcm == null ? 0 : pcm.seconds(pcmBytes);
                    AlignmentTracker.Chunk c = tracker.next(seconds, true);
                    listener.audio(new byte[0], c.alignment(), c.normalizedAlignment(), true);
                    return seconds;
                } else if (e instanceof SpeechEvents.Failed f) {
                    throw f.error();
                }
            }
        }
    }
}
