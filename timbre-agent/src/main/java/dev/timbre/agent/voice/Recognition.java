package dev.timbre.agent.voice;

import dev.timbre.audio.Pcm;
import dev.timbre.audio.PcmFormat;
import dev.timbre.audio.Resampler;
import dev.timbre.agent.session.SessionLoop;
import dev.timbre.engine.RecognitionStream;
import dev.timbre.engine.SpeechToText;
import java.util.function.Consumer;

/**
 * One user utterance's streaming recognition. The engine's {@link RecognitionStream} is opened, fed, asked for
 * partials and finished on a {@link SerialWorker} (engine calls can be slow); results come back on the session loop
 * through {@code loop.execute}. Methods are called on the loop thread. An engine failure ends the utterance with an
 * empty transcript (logged), so the turn is dropped rather than the call. So does an engine slower than real time:
 * past {@link #MAX_BACKLOG} waiting worker tasks the utterance's audio is dropped (bounded memory) and its queued
 * tasks become no-ops.
 *
 * <p>The engine hears the caller's audio at the rate it arrived at when that is below 16 kHz (a phone call's 8 kHz
 * µ-law): the 16 kHz samples the loop has are resampled back to it on the worker, so the engine knows from the
 * stream's {@link PcmFormat} that the speech is telephone band and can decode it as such.
 */
final class Recognition {
    private static final System.Logger LOG = System.getLogger(Recognition.class.getName());
    /** About 30 s of VAD frames waiting for the engine. */
    static final int MAX_BACKLOG = 1_000;

    private final SerialWorker worker;
    private final SessionLoop loop;
    /** 16 kHz → the engine's rate; null when the engine hears 16 kHz. Worker thread only. */
    private final Resampler toEngine;
    /** Worker thread only. */
    private RecognitionStream stream;
    private boolean failed;
    /** Loop thread: set by {@link #cancel}; results of a cancelled recognition are dropped. */
    private boolean cancelled;
    /** Set on the loop when the worker fell too far behind; read on the worker. */
    private volatile boolean overloaded;

    /** @param sourceRate the rate the caller's audio arrived at; below 16 kHz the engine hears it at that rate */
    Recognition(SpeechToText engine, String language, int sourceRate, SerialWorker worker, SessionLoop loop) {
        this.worker = worker;
        this.loop = loop;
        int rate = Math.min(InputAudio.RATE, sourceRate);
        this.toEngine = rate < InputAudio.RATE ? new Resampler(InputAudio.RATE, rate) : null;
        worker.submit(() -> {
            try {
                stream = engine.openStream(new PcmFormat(rate), language);
            } catch (RuntimeException e) {
                fail("open", e);
            }
        });
    }

    /** Feeds 16 kHz samples. */
    void accept(short[] samples) {
        if (overloaded) return;
        if (worker.backlog() >= MAX_BACKLOG) {
            overloaded = true;
            LOG.log(System.Logger.Level.WARNING, "speech recognition is slower than real time: " + MAX_BACKLOG
                    + " tasks waiting; the utterance is dropped");
            return;
        }
        byte[] pcm16k = Pcm.toBytes(samples);
        worker.submit(() -> {
            if (stream == null || failed || overloaded) return;
            try {
                byte[] pcm = toEngine == null ? pcm16k : toEngine.resample(pcm16k, 0, pcm16k.length);
                stream.accept(pcm, 0, pcm.length);
            } catch (RuntimeException e) {
                fail("accept", e);
            }
        });
    }

    /** Asks for the hypothesis so far; {@code onPartial} gets its text on the loop. */
    void partial(Consumer<String> onPartial) {
        if (overloaded) return;
        worker.submit(() -> {
            if (stream == null || failed || overloaded) return;
            String text;
            try {
                text = stream.partial().text();
            } catch (RuntimeException e) {
                fail("partial", e);
                return;
            }
            loop.execute(() -> { if (!cancelled) onPartial.accept(text == null ? "" : text.strip()); });
        });
    }

    /** Ends the audio; {@code onFinal} gets the final text on the loop ("" when nothing was recognised). */
    void finish(Consumer<String> onFinal) {
        worker.submit(() -> {
            String text = "";
            if (stream != null && !failed && !overloaded) {
                try {
                    if (toEngine != null) {
                        byte[] rest = toEngine.finish();
                        stream.accept(rest, 0, rest.length);
                    }
                    String t = stream.finish().text();
                    text = t == null ? "" : t.strip();
                } catch (RuntimeException e) {
                    fail("finish", e);
                }
            }
            close();
            String result = text;
            loop.execute(() -> { if (!cancelled) onFinal.accept(result); });
        });
    }

    /** Drops the utterance: no more results; the stream is closed. */
    void cancel() {
        cancelled = true;
        worker.submit(this::close);
    }

    private void close() {
        RecognitionStream s = stream;
        stream = null;
        if (s == null) return;
        try {
            s.close();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "closing a recognition stream failed", e);
        }
    }

    private void fail(String step, RuntimeException e) {
        failed = true;
        LOG.log(System.Logger.Level.WARNING, "speech recognition failed (" + step + "): " + e.getMessage(), e);
    }
}
