package dev.timbre.engine;

import dev.timbre.audio.PcmFormat;
import dev.timbre.engine.SpeechToText.Transcript;
import java.io.ByteArrayOutputStream;

/** The {@link RecognitionStream} for batch-only engines: buffers the audio, transcribes it at {@link #finish}. */
public final class BufferedRecognitionStream implements RecognitionStream {
    private final SpeechToText engine;
    private final PcmFormat format;
    private final String languageCode;
    private final ByteArrayOutputStream audio = new ByteArrayOutputStream();
    private Transcript result;
    private boolean closed;

    public BufferedRecognitionStream(SpeechToText engine, PcmFormat format, String languageCode) {
        this.engine = engine;
        this.format = format;
        this.languageCode = languageCode;
    }

    @Override
    public synchronized void accept(byte[] pcm, int off, int len) {
        if (closed || result != null) throw new IllegalStateException("recognition stream already finished");
        audio.write(pcm, off, len);
    }

    @Override
    public synchronized Transcript partial() {
        return result != null ? result : Transcript.empty(languageCode);
    }

    @Override
    public synchronized Transcript finish() {
        if (closed) throw new IllegalStateException("recognition stream closed");
        if (result == null) result = engine.transcribe(audio.toByteArray(), format, languageCode);
        audio.reset();
        return result;
    }

    @Override
    public synchronized void close() {
        closed = true;
        audio.reset();
    }
}
