package dev.timbre.engines;

import dev.timbre.audio.PcmFormat;
import dev.timbre.audio.Resampler;
import dev.timbre.engine.AudioSink;
import dev.timbre.engine.EngineCapabilities;
import dev.timbre.engine.EngineException;
import dev.timbre.engine.EngineInfo;
import dev.timbre.engine.SpeechRequest;
import dev.timbre.engine.SpeechStream;
import dev.timbre.engine.SpeechToText;
import dev.timbre.engine.TextToSpeech;
import dev.timbre.engine.VoiceDescriptor;
import dev.timbre.engine.WordTiming;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A TTS engine without word timings (a remote provider), given them by forced alignment: its audio is passed on as it
 * arrives and kept (at most {@link #MAX_ALIGNED_SECONDS} s); when the engine ends without having sent timings, the
 * server's speech-to-text engine aligns the request's text to the kept audio (resampled to 16 kHz) and the timings go
 * to the sink just before {@code end}, so with-timestamps, the stream-input sockets and agent speech get real character
 * times. No aligning engine, one that cannot align, a failure or audio over the bound: no timings (the speech layer
 * then spreads the characters over the audio). The alignment runs on a {@code forced-alignment} thread (at most
 * {@value #MAX_CONCURRENT_ALIGNMENTS} at once, more go without timings) while the engine's stream thread waits at most
 * {@value #ALIGN_TIMEOUT_MS} ms; it delays only the end, and a stream closed before its end is not aligned. Thread-safe as the engine it wraps; closing it closes the engine, then {@code resource}.
 */
final class ForcedAlignedSpeech implements TextToSpeech {
    static final int MAX_ALIGNED_SECONDS = 300;
    /** An alignment that takes longer is given up (the speech layer counts an engine silent for 30 s as failed). */
    static final long ALIGN_TIMEOUT_MS = 15_000;
    /** Alignments at once; one more goes without timings rather than queueing. */
    static final int MAX_CONCURRENT_ALIGNMENTS = 4;
    private static final int ALIGN_RATE = 16_000;
    private static final Logger log = LoggerFactory.getLogger(ForcedAlignedSpeech.class);

    private final TextToSpeech engine;
    private final Supplier<Optional<SpeechToText>> aligner;
    private final AutoCloseable resource;
    private final java.util.concurrent.ThreadPoolExecutor aligners = new java.util.concurrent.ThreadPoolExecutor(0,
            MAX_CONCURRENT_ALIGNMENTS, 30, java.util.concurrent.TimeUnit.SECONDS, new java.util.concurrent.SynchronousQueue<>(),
            dev.timbre.common.WorkerPools.daemon("forced-alignment"), new java.util.concurrent.ThreadPoolExecutor.AbortPolicy());

    ForcedAlignedSpeech(TextToSpeech engine, Supplier<Optional<SpeechToText>> aligner, AutoCloseable resource) {
        this.engine = engine;
        this.aligner = aligner;
        this.resource = resource;
    }

    @Override
    public EngineInfo info() {
        EngineInfo i = engine.info();
        EngineCapabilities c = i.capabilities();
        return new EngineInfo(i.provider(), i.description() + "; word timings by forced alignment",
                new EngineCapabilities(c.languages(), c.streamingInput(), true, c.ssml()));
    }

    @Override
    public List<VoiceDescriptor> voices() { return engine.voices(); }

    /** The wrapped engine's cloning (its clones are spoken, and aligned, through this wrapper). */
    @Override
    public Optional<dev.timbre.engine.VoiceCloning> cloning() { return engine.cloning(); }

    @Override
    public SpeechStream openStream(SpeechRequest request, AudioSink out) {
        return openStream(request, out, engine);
    }

    /** As {@link #openStream(SpeechRequest, AudioSink)}, spoken by {@code speaker}: a view of the wrapped engine (another model). */
    SpeechStream openStream(SpeechRequest request, AudioSink out, TextToSpeech speaker) {
        Aligning sink = new Aligning(out, request.text());
        SpeechStream stream = speaker.openStream(request, sink);
        return new SpeechStream() {
            @Override public void await() throws InterruptedException { stream.await(); }

            @Override public void close() {
                sink.cancelled = true; // no alignment for a synthesis nobody waits for
                stream.close();
            }
        };
    }

    @Override
    public void close() {
        try {
            aligners.shutdownNow();
            engine.close();
        } finally {
            try {
                if (resource != null) resource.close();
            } catch (Exception e) {
                log.debug("closing {}'s client failed: {}", engine.info().provider(), e.toString());
            }
        }
    }

    /** Passes everything on; keeps the audio and adds aligned timings before the end. One stream, one thread. */
    private final class Aligning implements AudioSink {
        private final AudioSink out;
        private final String text;
        private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
        private PcmFormat format;
        private boolean timed;
        private boolean over;
        private volatile boolean cancelled;

        Aligning(AudioSink out, String text) {
            this.out = out;
            this.text = text;
        }

        @Override public void start(PcmFormat f) { format = f; out.start(f); }

        @Override public void audio(byte[] pcm, int offset, int length) {
            if (!over && kept.size() + (long) length <= (long) MAX_ALIGNED_SECONDS * format.bytesPerSecond()) kept.write(pcm, offset, length);
            else over = true;
            out.audio(pcm, offset, length);
        }

        @Override public void words(List<WordTiming> words) {
            timed |= !words.isEmpty();
            out.words(words);
        }

        @Override public void end() {
            if (!timed && !over && !cancelled && format != null && kept.size() > 0) {
                List<WordTiming> words = align();
                if (!words.isEmpty()) out.words(words);
            }
            out.end();
        }

        @Override public void error(EngineException e) { out.error(e); }

        /** The aligned words, or none when there is no aligner, it is busy, slow or fails. */
        private List<WordTiming> align() {
            Optional<SpeechToText> stt = aligner.get();
            if (stt.isEmpty()) return List.of();
            java.util.concurrent.Future<List<WordTiming>> f;
            try {
                f = aligners.submit(() -> alignWith(stt.get()));
            } catch (java.util.concurrent.RejectedExecutionException e) {
                log.debug("forced alignment skipped: {} alignments running", MAX_CONCURRENT_ALIGNMENTS);
                return List.of();
            }
            try {
                return f.get(ALIGN_TIMEOUT_MS, java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                f.cancel(true);
                log.warn("forced alignment of {} audio took over {} ms: sent without timings", engine.info().provider(), ALIGN_TIMEOUT_MS);
                return List.of();
            } catch (InterruptedException e) {
                f.cancel(true);
                Thread.currentThread().interrupt();
                return List.of();
            } catch (java.util.concurrent.ExecutionException e) {
                log.warn("forced alignment of {} audio failed: {}", engine.info().provider(), e.getCause().toString());
                return List.of();
            }
        }

        private List<WordTiming> alignWith(SpeechToText stt) {
            byte[] pcm = kept.toByteArray();
            if (format.sampleRate() != ALIGN_RATE) pcm = Resampler.resampleAll(pcm, format.sampleRate(), ALIGN_RATE);
            Optional<SpeechToText.Transcript> aligned = stt.align(pcm, new PcmFormat(ALIGN_RATE), text);
            return aligned.map(SpeechToText.Transcript::words).orElse(List.of());
        }
    }
}
