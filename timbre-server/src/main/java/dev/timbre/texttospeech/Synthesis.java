package dev.timbre.texttospeech;

import dev.timbre.audio.AudioEncoder;
import dev.timbre.audio.OutputFormat;
import dev.timbre.audio.PcmFormat;
import dev.timbre.engine.EngineException;
import dev.timbre.engine.SpeechStream;
import dev.timbre.http.ApiException;
import java.io.IOException;

/**
 * One synthesis from engine to encoded chunks: opens the engine stream, encodes each piece of audio as it arrives
 * and hands it to a {@link Listener} with the characters it settles. Runs on the calling thread (the request's);
 * the engine works on its own. If the listener throws (a client that went away), the engine stream is closed,
 * which cancels the synthesis.
 */
final class Synthesis {
    /** How long the engine may stay silent before the synthesis counts as failed. */
    static final long STALL_MS = 30_000;
    /** Audio is encoded and handed on in slices of this many milliseconds. */
    static final int SLICE_MS = 100;

    /** Receives encoded audio in order; {@code last} is true exactly once, for the final chunk. */
    interface Listener {
        void chunk(byte[] audio, AlignmentTracker.Chunk alignment, boolean last) throws IOException;
    }

    /** Called once, after the engine has accepted the request and before any audio is sent: where characters are charged. */
    interface FirstAudio {
        void before();
    }

    private Synthesis() {}

    /** An engine that refuses a request at once (malformed SSML, say) is refusing the text: a 422. */
    private static SpeechStream open(TextToSpeechService.Prepared p, SpeechEvents events) {
        try {
            return p.engine().openStream(p.speechRequest(), events);
        } catch (EngineException e) {
            if (e.retryable()) throw e;
            throw ApiException.invalid("The engine cannot speak this text: " + e.getMessage(), "value_error", "body", "text");
        }
    }

    /** @return the audio's duration in seconds */
    static double run(TextToSpeechService.Prepared p, OutputFormat format, FirstAudio firstAudio, Listener listener)
            throws IOException, InterruptedException {
        return run(p, format, firstAudio, listener, FirstAudioPriority.NONE);
    }

    /** As above; a stream that has sent audio and is ahead of real time yields to streams that have not. */
    static double run(TextToSpeechService.Prepared p, OutputFormat format, FirstAudio firstAudio, Listener listener,
                      FirstAudioPriority priority) throws IOException, InterruptedException {
        AlignmentTracker tracker = new AlignmentTracker(p.normalized());
        FirstAudioPriority.Stream turn = priority.open();
        try (turn; SpeechEvents events = new SpeechEvents(); SpeechStream ignored = open(p, events)) {
            AudioEncoder encoder = null;
            PcmFormat pcm = null;
            long pcmBytes = 0;
            firstAudio.before(); // while the engine analyses the text: charging costs the first audio no time
            while (true) {
                SpeechEvents.Event e = events.next(STALL_MS);
                if (e instanceof SpeechEvents.Started s) {
                    pcm = s.format();
                    encoder = AudioEncoder.create(pcm.sampleRate(), format);
                } else if (e instanceof SpeechEvents.Words w) {
                    tracker.add(w.words());
                } else if (e instanceof SpeechEvents.Audio a) {
                    if (encoder == null) throw new EngineException("the engine sent audio before its format");
                    // Engines deliver a sentence at a time; encoding and sending it in short slices gets the first
                    // bytes out after one slice's encoding instead of the whole sentence's.
                    int slice = Math.max(2, pcm.bytesPerSecond() / 1000 * SLICE_MS) & ~1;
                    for (int off = 0; off < a.pcm().length; off += slice) {
                        turn.yieldIfAhead(pcm.seconds(pcmBytes));
                        int len = Math.min(slice, a.pcm().length - off);
                        pcmBytes += len;
                        byte[] out = encoder.encode(a.pcm(), off, len);
                        if (out.length == 0) continue;
                        listener.chunk(out, tracker.next(pcm.seconds(pcmBytes), false), false);
                        turn.sent();
                    }
                } else if (e instanceof SpeechEvents.Ended) {
                    double seconds = pcm == null ? 0 : pcm.seconds(pcmBytes);
                    byte[] tail = encoder == null ? new byte[0] : encoder.finish();
                    listener.chunk(tail, tracker.next(seconds, true), true);
                    return seconds;
                } else if (e instanceof SpeechEvents.Failed f) {
                    throw f.error();
                }
            }
        }
    }
}
