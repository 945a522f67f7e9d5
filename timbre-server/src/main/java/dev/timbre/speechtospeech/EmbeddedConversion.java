package dev.timbre.speechtospeech;

import dev.timbre.audio.AudioEncoder;
import dev.timbre.audio.OutputFormat;
import dev.timbre.engine.EngineException;
import dev.timbre.http.ApiException;
import java.io.ByteArrayOutputStream;
import java.util.function.Consumer;

/**
 * A {@link VoiceConversion} encoded into the request's output format as it goes. When the last piece has been pulled,
 * the whole encoded audio goes to {@code completed} (the history item), unless that is null. {@code release} runs
 * once, at close. An engine failure is a 503 {@code voice_conversion_failed} (for a stream: before its first audio;
 * later, the stream just ends short). One thread.
 */
final class EmbeddedConversion implements Conversion {
    private final VoiceConversion conversion;
    private final OutputFormat format;
    private final String historyItemId;
    private final Consumer<byte[]> completed;
    private final Runnable release;
    private final ByteArrayOutputStream all = new ByteArrayOutputStream();
    private AudioEncoder encoder;
    private boolean finished, closed;

    EmbeddedConversion(VoiceConversion conversion, OutputFormat format, String historyItemId, Consumer<byte[]> completed, Runnable release) {
        this.conversion = conversion;
        this.format = format;
        this.historyItemId = historyItemId;
        this.completed = completed;
        this.release = release;
    }

    @Override public String contentType() { return format.contentType(); }

    @Override public String historyItemId() { return historyItemId; }

    @Override
    public byte[] next() throws InterruptedException {
        if (finished) return null;
        if (encoder == null) {
            try {
                encoder = AudioEncoder.create(conversion.format().sampleRate(), format);
            } catch (EngineException e) {
                throw new ApiException(503, "voice_conversion_failed", "The voice's engine failed to re-speak the audio: " + e.getMessage());
            }
        }
        byte[] pcm;
        try {
            pcm = conversion.next();
        } catch (EngineException e) {
            throw new ApiException(503, "voice_conversion_failed", "The voice's engine failed to re-speak the audio: " + e.getMessage());
        }
        byte[] out;
        if (pcm == null) {
            out = encoder.finish();
            finished = true;
        } else {
            out = encoder.encode(pcm);
        }
        if (completed != null) all.writeBytes(out);
        if (finished && completed != null) completed.accept(all.toByteArray());
        return out;
    }

    @Override
    public void close() {
        if (closed) return;
        closed = true;
        release.run();
    }
}
