package dev.timbre.texttovoice;

import dev.timbre.audio.AudioEncoder;
import dev.timbre.audio.OutputFormat;
import dev.timbre.audio.Pcm;
import dev.timbre.engine.SpeechRequest;
import dev.timbre.engine.TextToSpeech;
import dev.timbre.engine.VoiceTuning;
import dev.timbre.engines.EngineCatalog;
import dev.timbre.http.ApiException;
import dev.timbre.speech.SpeechChunk;
import dev.timbre.speech.SpeechRun;
import dev.timbre.speech.SpeechScript;
import dev.timbre.speech.SpeechSynthesizer;
import dev.timbre.texttospeech.normalize.NormalizedText;
import dev.timbre.common.WorkerPools;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Speaks previews through the one speech layer ({@link SpeechSynthesizer}, whole-file runs) and sets their loudness.
 * {@link #speakAll} speaks the first preview on the calling thread and the others at the same time on the
 * {@code text-to-voice-*} threads (at most {@link #THREADS}; a full queue of {@link #QUEUE} makes the caller speak
 * them itself, so nothing waits unbounded). Every run is closed by the thread that opened it. Thread-safe; closed
 * by its owner at shutdown.
 */
final class PreviewAudio implements AutoCloseable {
    static final int THREADS = 6, QUEUE = 64;
    /** Peak level a louder preview is limited to (of full scale), so raising the loudness never clips. */
    private static final double PEAK = 0.95;

    /** A preview's audio: 16-bit mono PCM at {@code sampleRate} Hz. */
    record Spoken(byte[] pcm, int sampleRate) {
        double seconds() {
            return pcm.length / 2.0 / sampleRate;
        }

        byte[] encode(OutputFormat format) {
            return AudioEncoder.encodeAll(pcm, sampleRate, format);
        }
    }

    private final EngineCatalog engines;
    private final SpeechSynthesizer speech;

    private final ThreadPoolExecutor pool = new ThreadPoolExecutor(THREADS, THREADS, 30, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(QUEUE), WorkerPools.daemon("text-to-voice"), (task, executor) -> {
                if (executor.isShutdown()) throw new RejectedExecutionException("the server is shutting down");
                task.run(); // a full queue: the caller speaks it itself
            });

    PreviewAudio(EngineCatalog engines, SpeechSynthesizer speech) {
        this.engines = engines;
        this.speech = speech;
        pool.allowCoreThreadTimeOut(true);
    }

    /** Every cast speaking {@code text}, in order; preview {@code i} with seed {@code seed + i}. */
    List<Spoken> speakAll(List<VoiceCasting.Cast> casts, String text, double loudness, long seed) throws InterruptedException {
        List<Future<Spoken>> others = new ArrayList<>();
        try {
            for (int i = 1; i < casts.size(); i++) {
                int index = i;
                others.add(pool.submit(() -> speak(casts.get(index), text, loudness, seed + index)));
            }
            List<Spoken> out = new ArrayList<>();
            out.add(speak(casts.get(0), text, loudness, seed));
            for (Future<Spoken> f : others) out.add(f.get());
            return out;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) throw re;
            if (e.getCause() instanceof InterruptedException ie) throw ie;
            throw new IllegalStateException("preview synthesis failed", e.getCause());
        } finally {
            for (Future<Spoken> f : others) f.cancel(true);
        }
    }

    @Override
    public void close() {
        WorkerPools.stop(pool);
    }

    /**
     * {@code text} in the cast's voice and shape, at {@code loudness} (−1..1; 0.5 leaves the engine's level, each 0.5
     * step is 6 dB, limited to a peak of {@link #PEAK}). A text the engine makes no sound of is a 422 on {@code text}.
     */
    Spoken speak(VoiceCasting.Cast cast, String text, double loudness, long seed) throws InterruptedException {
        TextToSpeech engine = engines.textToSpeech().get(cast.provider());
        if (engine == null) throw new ApiException(503, "voice_unavailable", "The engine '" + cast.provider() + "' is not loaded.");
        SpeechRequest request = new SpeechRequest(text, cast.voice().id(), null, VoiceTuning.DEFAULT, seed, cast.shape());
        ByteArrayOutputStream pcm = new ByteArrayOutputStream();
        int rate;
        try (SpeechRun run = speech.open(SpeechScript.of(SpeechScript.Segment.spoken(NormalizedText.identity(text), engine, request),
                null, false), SpeechSynthesizer.Delivery.WHOLE)) {
            for (SpeechChunk c = run.next(); c != null; c = run.next()) {
                pcm.writeBytes(c.audio());
                if (c.last()) break;
            }
            rate = run.pcmFormat() == null ? 16000 : run.pcmFormat().sampleRate();
        }
        if (pcm.size() == 0) throw ApiException.invalid("The text has nothing the voice can speak", "value_error", "body", "text");
        return new Spoken(gain(pcm.toByteArray(), loudness), rate);
    }

    static byte[] gain(byte[] pcm, double loudness) {
        short[] s = Pcm.toSamples(pcm, 0, pcm.length);
        int peak = 1;
        for (short v : s) peak = Math.max(peak, Math.abs(v));
        double factor = Math.min(Math.pow(10, (loudness - 0.5) * 12 / 20), PEAK * Short.MAX_VALUE / peak);
        if (loudness <= 0.5) factor = Math.pow(10, (loudness - 0.5) * 12 / 20);
        for (int i = 0; i < s.length; i++) s[i] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, Math.round(s[i] * factor)));
        return Pcm.toBytes(s);
    }
}
