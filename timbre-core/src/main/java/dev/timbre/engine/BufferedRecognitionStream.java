package dev.timbre.engine;

import dev.timbre.audio.PcmFormat;
import dev.timbre.engine.SpeechToText.Transcript;
import java.io.ByteArrayOutputStream;

/**
 * The {@link RecognitionStream} of an engine that only transcribes whole utterances: the audio is buffered and
 * {@link SpeechToText#transcribe} runs on the whole buffer, for {@link #partial()} at most once per
 * {@code minNewSeconds} of new audio (the previous hypothesis otherwise), and for {@link #finish()}. Calls come from
 * one thread at a time.
 */
public final class BufferedRecognitionStream implements RecognitionStream {
    private final SpeechToText engine;
    private final PcmFormat format;
    private final String languageCode;
    private final long minNewBytes;
    private final ByteArrayOutputStream audio = new ByteArrayOutputStream();
    private long transcribedAt = -1;
    private Transcript last;
    private boolean finished;

    public BufferedRecognitionStream(SpeechToText engine, PcmFormat format, String languageCode) {
        this(engine, format, languageCode, 1.0);
    }

    public BufferedRecognitionStream(SpeechToText engine, PcmFormat format, String languageCode, double minNewSeconds) {
        this.engine = engine;
        this.format = format;
        this.languageCode = languageCode;
        this.minNewBytes = Math.max(2, Math.round(minNewSeconds * format.bytesPerSecond()));
        this.last = Transcript.empty(languageCode);
    }

    @Override
    public void accept(byte[] pcm, int off, int len) {
        if (finished) throw new IllegalStateException("recognition stream already finished");
        audio.write(pcm, off, len);
    }

    @Override
    public Transcript partial() {
        if (audio.size() == 0 || finished) return last;
        if (transcribedAt < 0 || audio.size() - transcribedAt >= minNewBytes) {
            last = engine.transcribe(audio.toByteArray(), format, languageCode);
            transcribedAt = audio.size();
        }
        return last;
    }

    @Override
    public Transcript finish() {
        if (!finished && audio.size() > 0 && transcribedAt != audio.size()) {
            last = engine.transcribe(audio.toByteArray(), format, languageCode);
            transcribedAt = audio.size();
        }
        finished = true;
        return last;
    }

    @Override
    public void close() {
        finished = true;
        audio.reset();
    }
}
