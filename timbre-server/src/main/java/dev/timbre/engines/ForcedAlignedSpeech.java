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
 * then spreads the characters over the audio). The alignment runs on the engine's stream thread and delays only the
 * end. Thread-safe as the engine it wraps; closing it closes the engine, then {@code resource}.
 */
final class ForcedAlignedSpeech implements TextToSpeech {
    static final int MAX_ALIGNED_SECONDS = 300;
    private static final int ALIGN_RATE = 16_000;
    private static final Logger log = LoggerFactory.getLogger(ForcedAlignedSpeech.class);

    private final TextToSpeech engine;
    private final Supplier<Optional<SpeechToText>> aligner;
    private final AutoCloseable resource;

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

    @Override
    public SpeechStream openStream(SpeechRequest request, AudioSink out) {
        return engine.openStream(request, new Aligning(out, request.text()));
    }

    @Override
    public void close() {
        try {
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
            if (!timed && !over && format != null && kept.size() > 0) {
                List<WordTiming> words = align();
                if (!words.isEmpty()) out.words(words);
            }
            out.end();
        }

        @Override public void error(EngineException e) { out.error(e); }

        private List<WordTiming> align() {
            Optional<SpeechToText> stt = aligner.get();
            if (stt.isEmpty()) return List.of();
            try {
                byte[] pcm = kept.toByteArray();
                if (format.sampleRate() != ALIGN_RATE) pcm = Resampler.resampleAll(pcm, format.sampleRate(), ALIGN_RATE);
                Optional<SpeechToText.Transcript> aligned = stt.get().align(pcm, new PcmFormat(ALIGN_RATE), text);
                return aligned.map(SpeechToText.Transcript::words).orElse(List.of());
            } catch (RuntimeException e) {
                log.warn("forced alignment of {} audio failed: {}", engine.info().provider(), e.toString());
                return List.of();
            }
        }
    }
}
