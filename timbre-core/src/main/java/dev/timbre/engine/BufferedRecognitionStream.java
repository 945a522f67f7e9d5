package dev.timbre.engine;

import dev.timbre.audio.PcmFormat;
import java.io.ByteArrayOutputStream;
import java.util.List;

/**
 * Streaming recognition for an engine that only transcribes whole utterances: the audio is buffered and
 * {@link SpeechToText#transcribe} runs on the whole buffer, for {@link #partial()} at most once per
 * {@code minNewSeconds} of new audio (the previous hypothesis otherwise), and for {@link #finish()}. Not thread-safe.
 */
public final class BufferedRecognitionStream implements SpeechToText.RecognitionStream {

    private final SpeechToText engine;
    private final PcmFormat format;
    private final String languageCode;
    private final long minNewBytes;
    private final ByteArrayOutputStream audio = new ByteArrayOutputStream();
    private long transcribedAt = -1;
    private SpeechToText.Transcript last;

    public BufferedRecognitionStream(SpeechToText engine, PcmFormat format, String languageCode, double minNewSeconds) {
        this.engine = engine;
        this.format = format;
        this.languageCode = languageCode;
        this.minNewBytes = Math.max(2, Math.round(minNewSeconds * format.bytesPerSecond()));
        this.last = new SpeechToText.Transcript("", languageCode, 0, List.of());
    }

    /** The engine's own stream, or a buffered one (partials at most every second of new audio) when it has none. */
    public static SpeechToText.RecognitionStream open(SpeechToText engine, PcmFormat format, String languageCode) {
        try {
            return engine.openStream(format, languageCode);
        } catch (UnsupportedOperationException none) {
            return new BufferedRecognitionStream(engine, format, languageCode, 1.0);
        }
    }

    @Override
    public void accept(byte[] pcm, int off, int len) {
        audio.write(pcm, off, len);
    }

    @Override
    public SpeechToText.Transcript partial() {
        if (audio.size() == 0) return last;
        if (transcribedAt < 0 || audio.size() - transcribedAt >= minNewBytes) {
            last = engine.transcribe(audio.toByteArray(), format, languageCode);
            transcribedAt = audio.size();
        }
        return last;
    }

    @Override
    public SpeechToText.Transcript finish() {
        if (audio.size() == 0) return new SpeechToText.Transcript("", languageCode, 0, List.of());
        if (transcribedAt != audio.size()) {
            last = engine.transcribe(audio.toByteArray(), format, languageCode);
            transcribedAt = audio.size();
        }
        return last;
    }

    @Override
    public void close() {
        audio.reset();
    }
}
