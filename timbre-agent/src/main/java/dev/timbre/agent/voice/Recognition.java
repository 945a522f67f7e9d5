package dev.timbre.agent.voice;

import dev.timbre.audio.Pcm;
import dev.timbre.audio.PcmFormat;
import dev.timbre.agent.session.SessionLoop;
import dev.timbre.engine.RecognitionStream;
import dev.timbre.engine.SpeechToText;
import java.util.function.Consumer;

/**
 * One user utterance's streaming recognition. The engine's {@link RecognitionStream} is opened, fed, asked for
 * partials and finished on a {@link SerialWorker} (engine calls can be slow); results come back on the session loop
 * through {@code loop.execute}. Methods are called on the loop thread. An engine failure ends the utterance with an
 * empty transcript (logged), so the turn is dropped rather than the call.
 */
final class Recognition {
    private static final System.Logger LOG = System.getLogger(Recognition.class.getName());

    private final SerialWorker worker;
    private final SessionLoop loop;
    /** Worker thread only. */
    private RecognitionStream stream;
    private boolean failed;
    /** Loop thread: set by {@link #cancel}; results of a cancelled recognition are dropped. */
    private boolean cancelled;

    Recognition(SpeechToText engine, String language, SerialWorker worker, SessionLoop loop) {
        this.worker = worker;
        this.loop = loop;
        worker.submit(() -> {
            try {
                stream = engine.openStream(new PcmFormat(InputAudio.RATE), language);
            } catch (RuntimeException e) {
                fail("open", e);
            }
        });
    }

    /** Feeds 16 kHz samples. */
    void accept(short[] samples) {
        byte[] pcm = Pcm.toBytes(samples);
        worker.submit(() -> {
            if (stream == null || failed) return;
            try {
                stream.accept(pcm, 0, pcm.length);
            } catch (RuntimeException e) {
                fail("accept", e);
            }
        });
    }

    /** Asks for the hypothesis so far; {@code onPartial} gets its text on the loop. */
    void partial(Consumer<String> onPartial) {
        worker.submit(() -> {
            if (stream == null || failed) return;
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
            if (stream != null && !failed) {
                try {
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
